/** Query keys of the movements feature; mutations invalidate `campaignKeys.all` or one campaign. */
import type { CampaignSchemas } from '@/lib/api/services';

export type CampaignStatus = CampaignSchemas['CampaignStatus'];
export type CampaignLevel = CampaignSchemas['Level'];

export interface CampaignQuery {
  status?: CampaignStatus;
  level?: CampaignLevel;
  q?: string;
  limit?: number;
  offset?: number;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (query: CampaignQuery) => [...campaignKeys.all, 'list', query] as const,
  detail: (id: string) => [...campaignKeys.all, 'detail', id] as const,
  part: (id: string, part: string, query?: object) => [...campaignKeys.detail(id), part, query ?? {}] as const,
};
