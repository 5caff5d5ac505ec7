/**
 * The criteria-set editor's draft and the checks scoring-api makes before it accepts a set
 * (schemas.py and engine.validate_set / validate_bands), so the editor shows them before saving.
 */
import type { Criterion, Method } from './scores';

export interface CriterionDraft {
  /** A key for React lists; not sent. */
  key: string;
  code: string;
  title: string;
  maxPoints: number | null;
  method: Method;
  targetCode: string;
  children: CriterionDraft[];
}

export interface BandDraft {
  key: string;
  label: string;
  minScore: number | null;
}

/** A problem of the draft: an i18n key under `scoring.validation` and its values. */
export interface DraftProblem {
  /** The criterion's or band's key, or null for the whole set. */
  key: string | null;
  message:
    | 'noCriteria'
    | 'codeRequired'
    | 'codePattern'
    | 'codeRepeated'
    | 'titleRequired'
    | 'maxPositive'
    | 'tooPrecise'
    | 'parentMethod'
    | 'targetRequired'
    | 'bandLabelRequired'
    | 'bandLabelRepeated'
    | 'bandMinRequired'
    | 'bandMinRepeated'
    | 'nameRequired'
    | 'campaignRequired';
  values?: Record<string, string>;
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;
let counter = 0;
export const newKey = () => `k${String((counter += 1))}`;

export function emptyCriterion(): CriterionDraft {
  return { key: newKey(), code: '', title: '', maxPoints: null, method: 'manual', targetCode: '', children: [] };
}

export function draftOf(criteria: readonly Criterion[]): CriterionDraft[] {
  return criteria.map((criterion) => ({
    key: newKey(),
    code: criterion.code,
    title: criterion.title,
    maxPoints: Number(criterion.max_points),
    method: criterion.method,
    targetCode: criterion.target_code ?? '',
    children: draftOf(criterion.children ?? []),
  }));
}

/** The body scoring-api takes; a parent is sent as `manual` without a target (the API insists). */
export function criteriaBody(drafts: readonly CriterionDraft[]): Criterion[] {
  return drafts.map((draft) => {
    const leaf = draft.children.length === 0;
    return {
      code: draft.code.trim(),
      title: draft.title.trim(),
      max_points: String(draft.maxPoints ?? 0),
      method: leaf ? draft.method : 'manual',
      target_code: leaf && draft.method === 'target_progress' ? draft.targetCode.trim() : null,
      children: criteriaBody(draft.children),
    };
  });
}

const hasTwoDecimals = (value: number) => Math.round(value * 100) === value * 100;

function flatten(drafts: readonly CriterionDraft[]): CriterionDraft[] {
  return drafts.flatMap((draft) => [draft, ...flatten(draft.children)]);
}

export function validateDraft(name: string, criteria: readonly CriterionDraft[], bands: readonly BandDraft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!name.trim()) problems.push({ key: null, message: 'nameRequired' });
  if (criteria.length === 0) problems.push({ key: null, message: 'noCriteria' });
  const seen = new Set<string>();
  for (const draft of flatten(criteria)) {
    const code = draft.code.trim();
    const values = { code: code || draft.title };
    if (!code) problems.push({ key: draft.key, message: 'codeRequired', values });
    else if (!CODE.test(code)) problems.push({ key: draft.key, message: 'codePattern', values });
    else if (seen.has(code)) problems.push({ key: draft.key, message: 'codeRepeated', values });
    seen.add(code);
    if (!draft.title.trim()) problems.push({ key: draft.key, message: 'titleRequired', values });
    if (draft.maxPoints === null || !(draft.maxPoints > 0)) problems.push({ key: draft.key, message: 'maxPositive', values });
    else if (!hasTwoDecimals(draft.maxPoints)) problems.push({ key: draft.key, message: 'tooPrecise', values });
    if (draft.children.length > 0 && draft.method !== 'manual') {
      problems.push({ key: draft.key, message: 'parentMethod', values });
    }
    if (draft.children.length === 0 && draft.method === 'target_progress' && !draft.targetCode.trim()) {
      problems.push({ key: draft.key, message: 'targetRequired', values });
    }
  }
  const labels = new Set<string>();
  const minimums = new Set<number>();
  for (const band of bands) {
    const values = { label: band.label.trim() };
    if (!band.label.trim()) problems.push({ key: band.key, message: 'bandLabelRequired', values });
    else if (labels.has(band.label.trim())) problems.push({ key: band.key, message: 'bandLabelRepeated', values });
    labels.add(band.label.trim());
    if (band.minScore === null || band.minScore < 0) problems.push({ key: band.key, message: 'bandMinRequired', values });
    else if (minimums.has(band.minScore)) problems.push({ key: band.key, message: 'bandMinRepeated', values });
    if (band.minScore !== null) minimums.add(band.minScore);
  }
  return problems;
}

/** The largest total the set allows: the sum of the top-level maximums. */
export function maxTotal(criteria: readonly CriterionDraft[]): number {
  return criteria.reduce((sum, draft) => sum + (draft.maxPoints ?? 0), 0);
}
