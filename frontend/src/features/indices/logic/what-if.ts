/**
 * What-if weights, computed in the browser without saving: the overall score as the weighted
 * arithmetic mean of the pillars' scores (a missing pillar's weight shared among the others, as the
 * service's `reweight` rule does), and ranks with ties sharing the best one ("1224").
 */

export interface PillarScore {
  code: string;
  score: number | null;
}

export interface UnitPillars {
  subject_code: string;
  pillars: readonly PillarScore[];
}

export interface WhatIfRow {
  subject_code: string;
  score: number | null;
  rank: number | null;
}

export function whatIf(units: readonly UnitPillars[], weights: Readonly<Record<string, number>>): WhatIfRow[] {
  const scored = units.map((unit) => {
    let total = 0;
    let weight = 0;
    for (const pillar of unit.pillars) {
      const w = weights[pillar.code] ?? 0;
      if (pillar.score !== null && w > 0) {
        total += w * pillar.score;
        weight += w;
      }
    }
    return { subject_code: unit.subject_code, score: weight > 0 ? total / weight : null };
  });
  const present = scored.map((row) => row.score).filter((score): score is number => score !== null);
  return scored.map((row) => ({
    ...row,
    rank: row.score === null ? null : 1 + present.filter((other) => other > (row.score ?? 0)).length,
  }));
}

export interface TreeNode {
  code: string;
  weight?: number;
  children?: readonly TreeNode[] | null;
}

/** The nodes whose children's weights do not add up to the node's weight (and `'-'` for the pillars
 * against `total`), when the framework counts in points. */
export function weightsThatDoNotAddUp(nodes: readonly TreeNode[], total: number | null | undefined): string[] {
  if (total === null || total === undefined) return [];
  const wrong: string[] = [];
  const sum = (children: readonly TreeNode[]) => children.reduce((acc, child) => acc + (child.weight ?? 1), 0);
  if (Math.abs(sum(nodes) - total) > 1e-6) wrong.push('-');
  const visit = (node: TreeNode) => {
    if (node.children?.length) {
      if (Math.abs(sum(node.children) - (node.weight ?? 1)) > 1e-6) wrong.push(node.code);
      node.children.forEach(visit);
    }
  };
  nodes.forEach(visit);
  return wrong;
}
