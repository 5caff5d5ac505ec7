import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type JudgingOut = CampaignSchemas['JudgingOut'];
export type RankedInitiative = CampaignSchemas['RankedInitiative'];
export type ScoresIn = CampaignSchemas['ScoresIn'];
export type DecisionIn = CampaignSchemas['InitiativeDecisionIn'];
export type JudgingIn = CampaignSchemas['JudgingIn'];

const judgingKeys = {
  list: (campaignId: string) => ['campaigns', campaignId, 'initiative-judgings'] as const,
  one: (judgingId: string) => ['initiative-judgings', judgingId] as const,
  ranking: (judgingId: string) => ['initiative-judgings', judgingId, 'ranking'] as const,
};

export const useJudgings = (campaignId: string) =>
  useQuery({
    queryKey: judgingKeys.list(campaignId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/initiative-judgings', {
          params: { path: { campaign_id: campaignId }, query: { limit: 100 } },
          signal,
        }),
      ),
  });

/** One round of judging (its own page). */
export const useJudging = (judgingId: string) =>
  useQuery({
    queryKey: judgingKeys.one(judgingId),
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/initiative-judgings/{judging_id}', { params: { path: { judging_id: judgingId } }, signal })),
  });

/** The officials judges are chosen from, by name. */
export const useJudgeChoices = (enabled: boolean) =>
  useQuery({
    queryKey: ['officials', 'judges'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/officials', { params: { query: { limit: 500 } }, signal })),
  });

/** Sets up a round of judging in the movement: its title and judges (the default criteria). */
export function useCreateJudging(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JudgingIn) =>
      unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/initiative-judgings', { params: { path: { campaign_id: campaignId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(judgingKeys.one(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: judgingKeys.list(campaignId) });
    },
  });
}

export const useJudgingRanking = (judgingId: string) =>
  useQuery({
    queryKey: judgingKeys.ranking(judgingId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/initiative-judgings/{judging_id}/ranking', { params: { path: { judging_id: judgingId } }, signal }),
      ),
  });

/** A judge's points for an initiative, and the organiser's recognition decision; both refresh the ranking. */
export function useJudgingMutations(judgingId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: judgingKeys.ranking(judgingId) });
  return {
    score: useMutation({
      mutationFn: (body: ScoresIn) =>
        unwrap(campaignApi.PUT('/v1/initiative-judgings/{judging_id}/scores', { params: { path: { judging_id: judgingId } }, body })),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: (body: DecisionIn) =>
        unwrap(campaignApi.POST('/v1/initiative-judgings/{judging_id}/decisions', { params: { path: { judging_id: judgingId } }, body })),
      onSuccess: refresh,
    }),
  };
}
