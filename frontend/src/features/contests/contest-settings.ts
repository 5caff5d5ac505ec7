/** A contest's settings form, as the request bodies that create a contest and edit one. */
import type { ContestCreate, ContestOut, ContestUpdate } from './api/contest-admin';

/** What the settings form holds (the time limit in minutes). */
export interface ContestValues {
  title: string;
  rules?: string;
  audience: ContestCreate['audience'];
  unit_codes?: string[];
  questions_per_attempt: number;
  minutes: number;
  attempts_per_round: number;
  prediction_question?: string;
}

export function toContestBody(values: ContestValues): ContestCreate {
  const prediction = values.prediction_question?.trim() ?? '';
  return {
    title: values.title.trim(),
    rules: values.rules?.trim() ?? '',
    audience: values.audience,
    // None chosen: every unit taking part in the movement.
    unit_codes: values.unit_codes && values.unit_codes.length > 0 ? values.unit_codes : null,
    questions_per_attempt: values.questions_per_attempt,
    time_limit_seconds: Math.round(values.minutes * 60),
    attempts_per_round: values.attempts_per_round,
    prediction_question: prediction === '' ? null : prediction,
  };
}

/** The same units, in any order (none chosen is the same as an empty list). */
function sameUnits(next: readonly string[] | null | undefined, stored: readonly string[]): boolean {
  const chosen = new Set(next ?? []);
  return chosen.size === new Set(stored).size && stored.every((code) => chosen.has(code));
}

/**
 * The PATCH body of an edit: only the settings the form changed. Above all the unit list: a contest that
 * follows the movement's participants answers them all in `unit_codes`, so sending that list back
 * unchanged would pin the contest to today's units.
 */
export function toContestUpdate(values: ContestValues, contest: ContestOut): ContestUpdate {
  const next = toContestBody(values);
  const update: ContestUpdate = {};
  if (next.title !== contest.title) update.title = next.title;
  if (next.rules !== contest.rules) update.rules = next.rules;
  if (next.audience !== contest.audience) update.audience = next.audience;
  if (!sameUnits(next.unit_codes, contest.unit_codes)) update.unit_codes = next.unit_codes ?? null;
  if (next.questions_per_attempt !== contest.questions_per_attempt) update.questions_per_attempt = next.questions_per_attempt;
  if (next.time_limit_seconds !== contest.time_limit_seconds) update.time_limit_seconds = next.time_limit_seconds;
  if (next.attempts_per_round !== contest.attempts_per_round) update.attempts_per_round = next.attempts_per_round;
  const prediction = next.prediction_question ?? null;
  if (prediction !== contest.prediction_question) update.prediction_question = prediction;
  return update;
}
