import { describe, expect, it } from 'vitest';
import { bandFor, computeTotals, effectiveScore, scoreProblem } from '../logic/scores';
import type { Criterion } from '../logic/scores';

const leaf = (code: string, max: number, method: Criterion['method'] = 'manual'): Criterion => ({
  code,
  title: `Tiêu chí ${code}`,
  max_points: String(max),
  method,
  children: [],
});

const CRITERIA: Criterion[] = [
  { code: '1', title: 'Nhóm 1', max_points: '20', method: 'manual', children: [leaf('1.1', 15), leaf('1.2', 15, 'target_progress')] },
  leaf('2', 10, 'boolean'),
  leaf('3', 15, 'training_rate'),
];

describe('effectiveScore', () => {
  it('takes the reviewed score first, then the automatic one for automatic methods, then the self-assessment', () => {
    expect(effectiveScore('manual', { self: 5, auto: 9, reviewed: 7 })).toBe(7);
    expect(effectiveScore('target_progress', { self: 5, auto: 9, reviewed: null })).toBe(9);
    expect(effectiveScore('manual', { self: 5, auto: 9, reviewed: null })).toBe(5);
    expect(effectiveScore('training_rate', { self: 5, auto: null, reviewed: null })).toBe(5);
    expect(effectiveScore('manual', undefined)).toBeNull();
  });
});

describe('computeTotals', () => {
  it('adds up the top level, caps a parent at its maximum and lists leaves without a score', () => {
    const totals = computeTotals(CRITERIA, {
      '1.1': { self: 12, auto: null, reviewed: null },
      '1.2': { self: 3, auto: 10.5, reviewed: null },
      '2': { self: 10, auto: null, reviewed: 0 },
    });
    // 12 + 10.5 = 22.5, capped at 20; criterion 2 reviewed to 0; criterion 3 pending (0).
    expect(totals.byCriterion['1']).toBe(20);
    expect(totals.byCriterion['2']).toBe(0);
    expect(totals.total).toBe(20);
    expect(totals.pending).toEqual(['3']);
  });

  it('rounds the total to two decimals as the API does', () => {
    const totals = computeTotals([leaf('a', 10), leaf('b', 10), leaf('c', 10)], {
      a: { self: 3.33, auto: null, reviewed: null },
      b: { self: 3.33, auto: null, reviewed: null },
      c: { self: 3.34, auto: null, reviewed: null },
    });
    expect(totals.total).toBe(10);
  });
});

describe('scoreProblem', () => {
  it('accepts 0..max and refuses anything outside', () => {
    expect(scoreProblem('manual', 15, 0)).toBeNull();
    expect(scoreProblem('manual', 15, 15)).toBeNull();
    expect(scoreProblem('manual', 15, 15.5)).toBe('outOfRange');
    expect(scoreProblem('manual', 15, -1)).toBe('outOfRange');
    expect(scoreProblem('manual', 15, 1.234)).toBe('tooPrecise');
    expect(scoreProblem('manual', 15, null)).toBeNull();
  });

  it('accepts only 0 or the maximum for a met-or-not criterion', () => {
    expect(scoreProblem('boolean', 5, 5)).toBeNull();
    expect(scoreProblem('boolean', 5, 0)).toBeNull();
    expect(scoreProblem('boolean', 5, 3)).toBe('booleanOnly');
  });
});

describe('bandFor', () => {
  const bands = [
    { label: 'Xuất sắc', min_score: '90' },
    { label: 'Tốt', min_score: '70' },
    { label: 'Hoàn thành', min_score: '50' },
  ];
  it('gives the highest band whose minimum the total reaches', () => {
    expect(bandFor(90, bands)).toBe('Xuất sắc');
    expect(bandFor(89.99, bands)).toBe('Tốt');
    expect(bandFor(10, bands)).toBeNull();
  });
});
