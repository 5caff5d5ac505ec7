/** The API's enumerations, in the order the forms and filters offer them. */
import type { CampaignLevel, CampaignStatus } from './api/keys';

export const LEVELS: readonly CampaignLevel[] = ['national', 'ministry', 'province', 'department', 'commune'];
export const STATUSES: readonly CampaignStatus[] = ['draft', 'active', 'closed'];
export const MILESTONE_KINDS = ['plan_due', 'report_due', 'review', 'summary', 'other'] as const;
export const MEASURES = ['percent', 'count', 'ratio'] as const;
export const DIRECTIONS = ['increase', 'decrease'] as const;
