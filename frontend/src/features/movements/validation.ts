/**
 * The campaign-api's input rules (the pydantic models in campaign_api), checked in the forms before
 * sending. Each check returns a locale key of the problem, or undefined when the value is fine.
 */
import type { ParseKeys } from 'i18next';

export const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;
export const TITLE_MAX = 500;
export const TEXT_MAX = 20_000;

export type Problem = ParseKeys | undefined;

/** A code: 1–64 letters, digits, ".", "_" or "-". */
export function checkCode(code: string | undefined): Problem {
  const value = code?.trim() ?? '';
  if (!value) return 'movements.validation.required';
  if (value.length > 64) return 'movements.validation.codeTooLong';
  if (!CODE_PATTERN.test(value)) return 'movements.validation.codePattern';
  return undefined;
}

/** A date range given as "YYYY-MM-DD" strings (or dayjs#format output): the end is not before the start. */
export function checkRange(startsOn: string | undefined, endsOn: string | undefined): Problem {
  if (startsOn && endsOn && endsOn < startsOn) return 'movements.validation.endBeforeStart';
  return undefined;
}

/** Content numbers are 1..99 and do not repeat. */
export function checkContentNumbers(numbers: readonly (number | null | undefined)[]): Problem {
  const given = numbers.filter((n): n is number => typeof n === 'number');
  if (given.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) return 'movements.validation.contentNumberRange';
  if (new Set(given).size !== given.length) return 'movements.validation.contentNumbersRepeat';
  return undefined;
}

/** A milestone lies inside its phase. */
export function checkMilestone(dueOn: string | undefined, phaseStart: string | undefined, phaseEnd: string | undefined): Problem {
  if (!dueOn || !phaseStart || !phaseEnd) return undefined;
  if (dueOn < phaseStart || dueOn > phaseEnd) return 'movements.validation.milestoneOutsidePhase';
  return undefined;
}

/** A phase lies inside its movement. */
export function checkInside(startsOn: string | undefined, endsOn: string | undefined, outerStart: string, outerEnd: string): Problem {
  if ((startsOn && startsOn < outerStart) || (endsOn && endsOn > outerEnd)) return 'movements.validation.outsideCampaign';
  return undefined;
}

export interface TargetNumbers {
  measure?: 'percent' | 'count' | 'ratio';
  direction?: 'increase' | 'decrease';
  baseline?: number | null;
  target?: number | null;
}

/** A target moves the way its direction says, and a percentage lies in 0..100. */
export function checkTarget({ measure, direction, baseline, target }: TargetNumbers): Problem {
  if (baseline === null || baseline === undefined || target === null || target === undefined) return undefined;
  if (direction === 'increase' && target <= baseline) return 'movements.validation.increaseAboveBaseline';
  if (direction === 'decrease' && target >= baseline) return 'movements.validation.decreaseBelowBaseline';
  if (measure === 'percent' && [baseline, target].some((n) => n < 0 || n > 100)) return 'movements.validation.percentRange';
  return undefined;
}

/** At most 4 decimal places and 18 digits, as the API stores numbers. */
export function checkDecimal(value: number | null | undefined): Problem {
  if (value === null || value === undefined) return undefined;
  const [whole = '', fraction = ''] = Math.abs(value).toString().split('.');
  if (fraction.length > 4) return 'movements.validation.decimalPlaces';
  if (whole.length + Math.max(fraction.length, 4) > 18) return 'movements.validation.decimalTooLarge';
  return undefined;
}

/** An evidence link is an http(s) URL. */
export function checkUrl(url: string | undefined): Problem {
  if (!url) return 'movements.validation.required';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : 'movements.validation.url';
  } catch {
    return 'movements.validation.url';
  }
}

/**
 * A target's progress as the API defines it: clamp((value − baseline) / (target − baseline), 0, 1)
 * (the same formula reads the right way for a decreasing target).
 */
export function progressOf(value: number, baseline: number, target: number): number {
  if (target === baseline) return value === target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - baseline) / (target - baseline)));
}
