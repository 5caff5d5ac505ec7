import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import { campaignKeys } from './keys';
import type { CampaignQuery } from './keys';

export async function getCampaigns(query: CampaignQuery, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(campaignApi.GET('/v1/campaigns', { params: { query }, signal }));
}

export const getCampaignsQueryOptions = (query: CampaignQuery) =>
  queryOptions({
    queryKey: campaignKeys.list(query),
    queryFn: ({ signal }) => getCampaigns(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useCampaigns = (query: CampaignQuery) => useQuery(getCampaignsQueryOptions(query));
