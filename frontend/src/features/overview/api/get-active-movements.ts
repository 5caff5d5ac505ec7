/** The active movements and each one's summary (plans, reports, targets' mean progress, days left). */
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';

export async function getActiveMovements({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(campaignApi.GET('/v1/campaigns', { params: { query: { status: 'active', limit: 100 } }, signal }));
}

export async function getMovementSummary(campaignId: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/summary', { params: { path: { campaign_id: campaignId } }, signal }));
}

export const overviewKeys = {
  all: ['overview'] as const,
  active: () => [...overviewKeys.all, 'active-movements'] as const,
  summary: (id: string) => [...overviewKeys.all, 'summary', id] as const,
  coverage: (query: object) => [...overviewKeys.all, 'coverage', query] as const,
};

export const getActiveMovementsQueryOptions = () =>
  queryOptions({ queryKey: overviewKeys.active(), queryFn: ({ signal }) => getActiveMovements({ signal }) });

export const useActiveMovements = () => useQuery(getActiveMovementsQueryOptions());

export const useMovementSummaries = (campaignIds: readonly string[]) =>
  useQueries({
    queries: campaignIds.map((id) =>
      queryOptions({ queryKey: overviewKeys.summary(id), queryFn: ({ signal }) => getMovementSummary(id, { signal }) }),
    ),
  });
