/**
 * The scorecard's arithmetic as scoring-api's engine does it, for the live totals of the form:
 * a criterion's effective score, each node capped at its maximum, the total over the top level,
 * and the checks a score must pass (0..max, a "met or not" criterion is 0 or max).
 */
import type { ScoringSchemas } from '@/lib/api/services';

export type Criterion = ScoringSchemas['CriterionIn-Output'];
export type Method = ScoringSchemas['Method'];

export const AUTOMATIC_METHODS: readonly Method[] = ['target_progress', 'training_rate'];

export function isAutomatic(method: string): boolean {
  return AUTOMATIC_METHODS.some((automatic) => automatic === method);
}

/** The scores recorded for one leaf, as numbers (null when not entered). */
export interface EntryScores {
  self: number | null;
  auto: number | null;
  reviewed: number | null;
}

/** Reviewed if set, else the automatic value for automatic methods, else the self-assessment. */
export function effectiveScore(method: string, entry: EntryScores | undefined): number | null {
  if (!entry) return null;
  if (entry.reviewed !== null) return entry.reviewed;
  if (isAutomatic(method) && entry.auto !== null) return entry.auto;
  return entry.self;
}

export interface Totals {
  /** Sum of the top-level criteria, rounded half-up to two decimals. */
  total: number;
  /** Each criterion's points (capped at its maximum), by code. */
  byCriterion: Record<string, number>;
  /** Leaves without any score yet (they count as 0). */
  pending: string[];
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** Totals of a scorecard from the criteria tree and the entries by criterion code. */
export function computeTotals(criteria: readonly Criterion[], entries: Readonly<Record<string, EntryScores>>): Totals {
  const byCriterion: Record<string, number> = {};
  const pending: string[] = [];
  const points = (criterion: Criterion): number => {
    const children = criterion.children ?? [];
    let value: number;
    if (children.length > 0) {
      value = children.reduce((sum, child) => sum + points(child), 0);
    } else {
      const effective = effectiveScore(criterion.method, entries[criterion.code]);
      if (effective === null) pending.push(criterion.code);
      value = effective ?? 0;
    }
    const capped = Math.min(Math.max(value, 0), Number(criterion.max_points));
    byCriterion[criterion.code] = round2(capped);
    return capped;
  };
  const total = criteria.reduce((sum, criterion) => sum + points(criterion), 0);
  return { total: round2(total), byCriterion, pending };
}

/** Why a score cannot be entered, or null when it can. */
export type ScoreProblem = 'outOfRange' | 'booleanOnly' | 'tooPrecise';

export function scoreProblem(method: string, maxPoints: number, score: number | null): ScoreProblem | null {
  if (score === null) return null;
  if (!Number.isFinite(score) || score < 0 || score > maxPoints) return 'outOfRange';
  if (method === 'boolean' && score !== 0 && score !== maxPoints) return 'booleanOnly';
  if (round2(score) !== score) return 'tooPrecise';
  return null;
}

/** A decimal string from the API as a number (null stays null). */
export function toScore(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Every criterion with its depth, parents before their children. */
export function walk(criteria: readonly Criterion[], depth = 0): { criterion: Criterion; depth: number }[] {
  return criteria.flatMap((criterion) => [
    { criterion, depth },
    ...walk(criterion.children ?? [], depth + 1),
  ]);
}

export interface Band {
  label: string;
  min_score: string | number;
}

/** The label of the highest band whose minimum the total reaches; null below every band. */
export function bandFor(total: number, bands: readonly Band[]): string | null {
  const reached = bands
    .filter((band) => Number(band.min_score) <= total)
    .sort((a, b) => Number(b.min_score) - Number(a.min_score));
  return reached[0]?.label ?? null;
}

