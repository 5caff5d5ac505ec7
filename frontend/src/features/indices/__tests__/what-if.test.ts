import { describe, expect, it } from 'vitest';
import { weightsThatDoNotAddUp, whatIf } from '../logic/what-if';

const units = [
  { subject_code: 'A', pillars: [{ code: 'P1', score: 0.2 }, { code: 'P2', score: 0.8 }] },
  { subject_code: 'B', pillars: [{ code: 'P1', score: 0.6 }, { code: 'P2', score: 0.2 }] },
  { subject_code: 'C', pillars: [{ code: 'P1', score: 0.9 }, { code: 'P2', score: null }] },
  { subject_code: 'D', pillars: [{ code: 'P1', score: null }, { code: 'P2', score: null }] },
];

describe('whatIf', () => {
  it('recomputes the overall score and ranks from the pillars, reweighting missing ones', () => {
    // equal weights: A (0.2 + 0.8) / 2 = 0.5, B 0.4, C 0.9 alone, D nothing
    expect(whatIf(units, { P1: 1, P2: 1 })).toEqual([
      { subject_code: 'A', score: 0.5, rank: 2 },
      { subject_code: 'B', score: 0.4, rank: 3 },
      { subject_code: 'C', score: 0.9, rank: 1 },
      { subject_code: 'D', score: null, rank: null },
    ]);
    // P2 three times P1: A (0.2 + 2.4) / 4 = 0.65, B (0.6 + 0.6) / 4 = 0.3
    const moved = whatIf(units, { P1: 1, P2: 3 });
    expect(moved[0]?.score).toBeCloseTo(0.65);
    expect(moved[1]?.score).toBeCloseTo(0.3);
    expect(moved.map((row) => row.rank)).toEqual([2, 3, 1, null]);
  });

  it('gives tied units the same rank', () => {
    const tied = whatIf(
      [
        { subject_code: 'A', pillars: [{ code: 'P1', score: 0.5 }] },
        { subject_code: 'B', pillars: [{ code: 'P1', score: 0.5 }] },
        { subject_code: 'C', pillars: [{ code: 'P1', score: 0.1 }] },
      ],
      { P1: 1 },
    );
    expect(tied.map((row) => row.rank)).toEqual([1, 1, 3]);
  });
});

describe('weightsThatDoNotAddUp', () => {
  it('names the nodes whose children do not add up to them', () => {
    const nodes = [
      { code: 'P1', weight: 600, children: [{ code: 'I1', weight: 500 }, { code: 'I2', weight: 200 }] },
      { code: 'P2', weight: 400, children: [{ code: 'I3', weight: 400 }] },
    ];
    expect(weightsThatDoNotAddUp(nodes, 1000)).toEqual(['P1']);
    expect(weightsThatDoNotAddUp(nodes, 900)).toEqual(['-', 'P1']);
    expect(weightsThatDoNotAddUp(nodes, null)).toEqual([]);
  });
});
