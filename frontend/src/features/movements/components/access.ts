import { hasAnyRole } from '@/lib/auth/roles';
import type { CurrentUser } from '@/lib/auth/roles';

/**
 * Admins and the organiser's managers run a movement (the API also lets managers of a unit above
 * the organiser, which the dashboard cannot see without the unit tree: the API has the last word).
 */
export function canRunCampaign(user: CurrentUser, organizerUnitCode: string): boolean {
  return hasAnyRole(user, ['admin']) || (hasAnyRole(user, ['manager']) && user.unit_codes.includes(organizerUnitCode));
}

/** The participants the user files reports for: all for an admin, their own units for a manager. */
export function reportingUnits<T extends { unit_code: string }>(user: CurrentUser, participants: readonly T[]): T[] {
  if (hasAnyRole(user, ['admin'])) return [...participants];
  if (!hasAnyRole(user, ['manager'])) return [];
  return participants.filter((participant) => user.unit_codes.includes(participant.unit_code));
}

/** Who may start a movement at all: admins and managers (for their units). */
export function canCreateCampaign(user: CurrentUser): boolean {
  return hasAnyRole(user, ['admin', 'manager']);
}
