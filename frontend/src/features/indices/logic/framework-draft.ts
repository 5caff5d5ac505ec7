/**
 * A framework's tree as the editor holds it (pillars → indices → indicators), turned back into the
 * API's nodes, and checked as scoring-api checks it before saving: codes given and unique, every
 * group with children, an indicator's method complete, and (counting in points) weights that add up.
 */
import { weightsThatDoNotAddUp } from './what-if';

export type Aggregation = 'arithmetic' | 'geometric' | 'harmonic';
export type Normalisation = 'minmax' | 'zscore' | 'distance_to_target' | 'goalposts' | 'rank' | 'percentile';
export type Source = 'manual' | 'uploaded' | 'target_progress' | 'training_rate' | 'coverage' | 'contest_participation';

export const AGGREGATIONS: readonly Aggregation[] = ['arithmetic', 'geometric', 'harmonic'];
export const NORMALISATIONS: readonly Normalisation[] = ['minmax', 'zscore', 'distance_to_target', 'goalposts', 'rank', 'percentile'];
export const SOURCES: readonly Source[] = ['manual', 'uploaded', 'target_progress', 'training_rate', 'coverage', 'contest_participation'];
/** The sources whose values are sent to the framework (the form or the xlsx); the others are fetched. */
export const VALUE_SOURCES: readonly Source[] = ['manual', 'uploaded'];

export interface IndicatorDraft {
  source: Source;
  targetCode: string;
  direction: 1 | -1;
  normalisation: Normalisation;
  target: number | null;
  low: number | null;
  high: number | null;
}

export interface NodeDraft {
  key: string;
  code: string;
  title: string;
  weight: number | null;
  aggregation: Aggregation;
  /** null for a group (a pillar or an index), else the indicator it is. */
  indicator: IndicatorDraft | null;
  children: NodeDraft[];
}

export interface ApiIndicator {
  source?: Source;
  target_code?: string | null;
  direction?: 1 | -1;
  normalisation?: Normalisation;
  target?: number | null;
  goalposts?: number[] | null;
}

export interface ApiNode {
  code: string;
  title: string;
  weight?: number;
  aggregation?: Aggregation;
  children?: ApiNode[] | null;
  indicator?: ApiIndicator | null;
}

/** A node as the API takes it (what `nodesBody` sends). */
export interface BodyNode {
  code: string;
  title: string;
  weight: number;
  aggregation: Aggregation;
  children?: BodyNode[];
  indicator?: Required<Pick<ApiIndicator, 'source' | 'direction' | 'normalisation'>> & ApiIndicator;
}

let counter = 0;
export const newKey = () => `node-${String(++counter)}`;

export const emptyIndicator = (): IndicatorDraft => ({
  source: 'manual',
  targetCode: '',
  direction: 1,
  normalisation: 'minmax',
  target: null,
  low: null,
  high: null,
});

export const emptyNode = (indicator: boolean): NodeDraft => ({
  key: newKey(),
  code: '',
  title: '',
  weight: 1,
  aggregation: 'arithmetic',
  indicator: indicator ? emptyIndicator() : null,
  children: [],
});

export function draftOf(nodes: readonly ApiNode[]): NodeDraft[] {
  return nodes.map((node) => ({
    key: newKey(),
    code: node.code,
    title: node.title,
    weight: node.weight ?? 1,
    aggregation: node.aggregation ?? 'arithmetic',
    indicator: node.indicator
      ? {
          source: node.indicator.source ?? 'manual',
          targetCode: node.indicator.target_code ?? '',
          direction: node.indicator.direction ?? 1,
          normalisation: node.indicator.normalisation ?? 'minmax',
          target: node.indicator.target ?? null,
          low: node.indicator.goalposts?.[0] ?? null,
          high: node.indicator.goalposts?.[1] ?? null,
        }
      : null,
    children: draftOf(node.children ?? []),
  }));
}

function indicatorBody(draft: IndicatorDraft): NonNullable<BodyNode['indicator']> {
  const body: NonNullable<BodyNode['indicator']> = { source: draft.source, direction: draft.direction, normalisation: draft.normalisation };
  if (draft.source === 'target_progress') body.target_code = draft.targetCode.trim();
  if (draft.normalisation === 'distance_to_target') body.target = draft.target;
  if (draft.normalisation === 'goalposts') body.goalposts = [draft.low ?? 0, draft.high ?? 0];
  return body;
}

export function nodesBody(drafts: readonly NodeDraft[]): BodyNode[] {
  return drafts.map((draft) => {
    const node: BodyNode = { code: draft.code.trim(), title: draft.title.trim(), weight: draft.weight ?? 0, aggregation: draft.aggregation };
    if (draft.indicator) node.indicator = indicatorBody(draft.indicator);
    else node.children = nodesBody(draft.children);
    return node;
  });
}

export function updateTree(drafts: readonly NodeDraft[], key: string, change: (draft: NodeDraft) => NodeDraft | null): NodeDraft[] {
  return drafts.flatMap((draft) => {
    if (draft.key === key) {
      const changed = change(draft);
      return changed ? [changed] : [];
    }
    return [{ ...draft, children: updateTree(draft.children, key, change) }];
  });
}

export type ProblemCode =
  | 'nameMissing'
  | 'codeMissing'
  | 'codeRepeated'
  | 'titleMissing'
  | 'noChildren'
  | 'targetCodeMissing'
  | 'targetMissing'
  | 'goalpostsInvalid'
  | 'weightsWrong';

export interface DraftProblem {
  /** The node's key, or null for the tree as a whole. */
  key: string | null;
  code: ProblemCode;
  node?: string;
}

export function validateTree(drafts: readonly NodeDraft[], totalPoints: number | null | undefined): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  const visit = (draft: NodeDraft) => {
    const code = draft.code.trim();
    if (!code) problems.push({ key: draft.key, code: 'codeMissing' });
    else if (seen.has(code)) problems.push({ key: draft.key, code: 'codeRepeated', node: code });
    seen.add(code);
    if (!draft.title.trim()) problems.push({ key: draft.key, code: 'titleMissing', node: code });
    const indicator = draft.indicator;
    if (!indicator) {
      if (draft.children.length === 0) problems.push({ key: draft.key, code: 'noChildren', node: code });
      draft.children.forEach(visit);
      return;
    }
    if (indicator.source === 'target_progress' && !indicator.targetCode.trim()) {
      problems.push({ key: draft.key, code: 'targetCodeMissing', node: code });
    }
    if (indicator.normalisation === 'distance_to_target' && indicator.target === null) {
      problems.push({ key: draft.key, code: 'targetMissing', node: code });
    }
    if (indicator.normalisation === 'goalposts' && !(indicator.low !== null && indicator.high !== null && indicator.low < indicator.high)) {
      problems.push({ key: draft.key, code: 'goalpostsInvalid', node: code });
    }
  };
  drafts.forEach(visit);
  const wrong = weightsThatDoNotAddUp(nodesBody(drafts), totalPoints);
  if (wrong.length > 0) problems.push({ key: null, code: 'weightsWrong', node: wrong.join(', ') });
  return problems;
}

/** The manual and uploaded indicators of a tree (what the values form and the template take). */
export function valueIndicators(nodes: readonly ApiNode[]): { code: string; title: string }[] {
  return nodes.flatMap((node) =>
    node.indicator
      ? VALUE_SOURCES.includes(node.indicator.source ?? 'manual')
        ? [{ code: node.code, title: node.title }]
        : []
      : valueIndicators(node.children ?? []),
  );
}
