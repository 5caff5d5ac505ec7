import { describe, expect, it } from 'vitest';
import { draftOf, emptyIndicator, emptyNode, nodesBody, updateTree, validateTree, valueIndicators } from '../logic/framework-draft';
import type { ApiNode } from '../logic/framework-draft';

const TREE: ApiNode[] = [
  {
    code: 'CQS',
    title: 'Chính quyền số',
    weight: 600,
    aggregation: 'arithmetic',
    children: [
      {
        code: 'CQS.1',
        title: 'Hạ tầng',
        weight: 600,
        aggregation: 'geometric',
        children: [
          { code: 'I1', title: 'Tỷ lệ', weight: 400, indicator: { source: 'uploaded', normalisation: 'goalposts', goalposts: [0, 1], direction: 1 } },
          { code: 'I2', title: 'Sự cố', weight: 200, indicator: { source: 'contest_participation', normalisation: 'minmax', direction: -1 } },
        ],
      },
    ],
  },
  {
    code: 'XHS',
    title: 'Xã hội số',
    weight: 400,
    aggregation: 'arithmetic',
    children: [{ code: 'I3', title: 'Tiến độ', weight: 400, indicator: { source: 'target_progress', target_code: 'SOHOA', normalisation: 'distance_to_target', target: 0.9, direction: 1 } }],
  },
];

describe('the framework editor’s tree', () => {
  it('goes back to the API’s nodes as it came', () => {
    const body = nodesBody(draftOf(TREE));
    expect(body[0]?.children?.[0]?.aggregation).toBe('geometric');
    expect(body[0]?.children?.[0]?.children?.[0]?.indicator).toEqual({ source: 'uploaded', direction: 1, normalisation: 'goalposts', goalposts: [0, 1] });
    expect(body[0]?.children?.[0]?.children?.[1]?.indicator).toEqual({ source: 'contest_participation', direction: -1, normalisation: 'minmax' });
    expect(body[1]?.children?.[0]?.indicator).toEqual({ source: 'target_progress', target_code: 'SOHOA', direction: 1, normalisation: 'distance_to_target', target: 0.9 });
    expect(validateTree(draftOf(TREE), 1000)).toEqual([]);
  });

  it('finds what the API would refuse, where it is', () => {
    const drafts = draftOf(TREE);
    const pillar = drafts[0];
    if (!pillar) throw new Error('no pillar');
    // XHS gets an empty index, I1's goalposts are turned round, and CQS weighs 100 more than its children
    let changed = updateTree(drafts, pillar.key, (node) => ({ ...node, weight: 700 }));
    const index = emptyNode(false);
    changed = changed.map((node) => (node.code === 'XHS' ? { ...node, children: [...node.children, { ...index, code: 'I3', title: 'Trùng' }] } : node));
    const i1 = changed[0]?.children[0]?.children[0];
    if (!i1?.indicator) throw new Error('no I1');
    changed = updateTree(changed, i1.key, (node) => ({ ...node, indicator: { ...(i1.indicator ?? emptyIndicator()), low: 1, high: 0 } }));
    const problems = validateTree(changed, 1000).map((problem) => [problem.code, problem.node]);
    expect(problems).toEqual([
      ['goalpostsInvalid', 'I1'],
      ['codeRepeated', 'I3'],
      ['noChildren', 'I3'],
      // the pillars add up to 1,100, CQS's children to 600 (not 700), XHS's to 400 + 1 (not 400)
      ['weightsWrong', '-, CQS, XHS'],
    ]);
  });

  it('lists the indicators whose values are typed or uploaded', () => {
    expect(valueIndicators(TREE)).toEqual([{ code: 'I1', title: 'Tỷ lệ' }]);
  });
});
