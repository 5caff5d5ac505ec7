/** Names (translation keys) of the values the administration pages show: unit kinds and API scopes. */
import type { OfficialRole } from './api/accounts';
import type { Scope } from './api/clients';
import type { UnitKind } from './api/units';

export const OFFICIAL_ROLES = ['admin', 'manager', 'evaluator', 'council', 'viewer'] as const satisfies readonly OfficialRole[];

/** The API's shortest password. */
export const PASSWORD_MIN = 8;

export const UNIT_KINDS = ['province', 'department', 'agency', 'commune', 'school', 'enterprise', 'other'] as const satisfies readonly UnitKind[];

export const SCOPES = [
  'campaign:read',
  'campaign:write',
  'scoring:read',
  'scoring:write',
  'literacy:read',
  'literacy:write',
  'literacy:match',
  'literacy:units',
  'identity:deactivate-learner',
] as const satisfies readonly Scope[];

/** `admin.scopes.<key>`: the scope with its colon and dash made a key. */
export const scopeKey = (scope: string) => scope.replace(/[:-]/g, '_');
