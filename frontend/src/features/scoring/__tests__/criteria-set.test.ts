import { describe, expect, it } from 'vitest';
import { criteriaBody, emptyCriterion, validateDraft } from '../logic/criteria-set';
import type { CriterionDraft } from '../logic/criteria-set';

const draft = (overrides: Partial<CriterionDraft>): CriterionDraft => ({ ...emptyCriterion(), ...overrides });

describe('validateDraft', () => {
  it('accepts a valid tree with bands', () => {
    const criteria = [
      draft({ code: '1', title: 'Nhóm', maxPoints: 20, children: [draft({ code: '1.1', title: 'Con', maxPoints: 10 })] }),
      draft({ code: '2', title: 'Chỉ tiêu', maxPoints: 10, method: 'target_progress', targetCode: 'T1' }),
    ];
    const bands = [
      { key: 'a', label: 'Tốt', minScore: 70 },
      { key: 'b', label: 'Đạt', minScore: 50 },
    ];
    expect(validateDraft('Bộ tiêu chí', criteria, bands)).toEqual([]);
  });

  it('reports what the API would refuse: repeated codes, bad codes, non-positive maximums, missing targets, bands', () => {
    const criteria = [
      draft({ code: '1', title: 'A', maxPoints: 0 }),
      draft({ code: '1', title: 'B', maxPoints: 5 }),
      draft({ code: 'có dấu', title: 'C', maxPoints: 5 }),
      draft({ code: '4', title: '', maxPoints: 5, method: 'target_progress' }),
    ];
    const bands = [
      { key: 'a', label: 'Tốt', minScore: 70 },
      { key: 'b', label: 'Tốt', minScore: 70 },
    ];
    const messages = validateDraft(' ', criteria, bands).map((problem) => problem.message);
    expect(messages).toEqual([
      'nameRequired',
      'maxPositive',
      'codeRepeated',
      'codePattern',
      'titleRequired',
      'targetRequired',
      'bandLabelRepeated',
      'bandMinRepeated',
    ]);
    expect(validateDraft('x', [], [])).toEqual([{ key: null, message: 'noCriteria' }]);
  });
});

describe('criteriaBody', () => {
  it('sends a parent as manual without a target, and a target only for target_progress leaves', () => {
    const body = criteriaBody([
      draft({
        code: '1',
        title: 'Nhóm',
        maxPoints: 20,
        method: 'boolean',
        targetCode: 'X',
        children: [draft({ code: '1.1', title: 'Con', maxPoints: 10, method: 'training_rate', targetCode: 'Y' })],
      }),
    ]);
    expect(body[0]).toMatchObject({ code: '1', method: 'manual', target_code: null, max_points: '20' });
    expect(body[0]?.children?.[0]).toMatchObject({ code: '1.1', method: 'training_rate', target_code: null });
  });
});
