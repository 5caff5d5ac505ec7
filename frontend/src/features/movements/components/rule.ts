import type { TFunction } from 'i18next';
import type { Problem } from '../validation';

/** An antd rule result from one of validation.ts's checks. */
export function verdict(t: TFunction, problem: Problem): Promise<void> {
  return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
}
