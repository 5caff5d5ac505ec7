import { useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type ContestOut = CampaignSchemas['ContestOut'];
export type RoundOut = CampaignSchemas['RoundOut'];
export type UnitResult = CampaignSchemas['UnitResult'];
export type Flag = CampaignSchemas['Flag'];

export const useCampaignContests = (campaignId: string | undefined) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'contests'],
    enabled: Boolean(campaignId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/contests', {
          params: { path: { campaign_id: campaignId ?? '' }, query: { limit: 100 } },
          signal,
        }),
      ),
  });

export const useContestRounds = (contestId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'rounds'],
    // Live counts of attempts started and submitted: refreshed while the page is open.
    refetchInterval: 30_000,
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/rounds', { params: { path: { contest_id: contestId } }, signal })),
  });

export const useContestUnits = (contestId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'units'],
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/units', { params: { path: { contest_id: contestId } }, signal })),
  });

export const useRoundResults = (roundId: string | undefined) =>
  useQuery({
    queryKey: ['contest-rounds', roundId, 'results'],
    enabled: Boolean(roundId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/contest-rounds/{round_id}/results', {
          params: { path: { round_id: roundId ?? '' }, query: { limit: 50 } },
          signal,
        }),
      ),
  });

export const useContestFlags = (contestId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['contests', contestId, 'flags'],
    enabled,
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/flags', { params: { path: { contest_id: contestId } }, signal })),
  });
