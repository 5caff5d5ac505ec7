/** The roles of the built-in issuer (API.md, "Identity") and what they decide in the dashboard. */
import { paths } from '@/config/paths';
import type { components } from '@/lib/api/schema/campaign';

export type Role = components['schemas']['Role'];
export type CurrentUser = components['schemas']['Me'];

export const ROLES = ['admin', 'manager', 'evaluator', 'council', 'viewer', 'learner'] as const satisfies readonly Role[];

/** Officials' roles: everything but `learner`. */
export const STAFF_ROLES = ['admin', 'manager', 'evaluator', 'council', 'viewer'] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

export function hasAnyRole(user: Pick<CurrentUser, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.some((allowed) => allowed === role));
}

/** A learner only has their own progress page; everyone else starts at the overview. */
export function isLearnerOnly(user: Pick<CurrentUser, 'roles'>): boolean {
  return hasAnyRole(user, ['learner']) && !hasAnyRole(user, STAFF_ROLES);
}

/** The page a user starts on: a learner has only their progress page. */
export function startPathFor(user: Pick<CurrentUser, 'roles'>): string {
  return isLearnerOnly(user) ? paths.me : paths.home;
}
