/**
 * The active movements and each one's summary (plans, reports, targets' mean progress, days left).
 * The overview is where everyone lands after signing in and leaves at once for another page, so its
 * queries pass no abort signal: a small request left to finish costs less than a cancelled one
 * (which the browser reports as a failed request).
 */
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
  queryOptions({ queryKey: overviewKeys.active(), queryFn: () => getActiveMovements() });

export const useActiveMovements = () => useQuery(getActiveMovementsQueryOptions());

export const useMovementSummaries = (campaignIds: readonly string[]) =>
  useQueries({
    queries: campaignIds.map((id) =>
      queryOptions({ queryKey: overviewKeys.summary(id), queryFn: () => getMovementSummary(id) }),
    ),
  });
