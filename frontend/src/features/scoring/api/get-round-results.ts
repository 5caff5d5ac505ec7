/** A round's scorecards, ranking and proposals, and the admin's actions on them (generate, compute). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';
import { scoringKeys } from './keys';
import { saveBlob } from '@/lib/save-blob';

export type ScorecardSummary = ScoringSchemas['ScorecardOut'];
export type RankingItem = ScoringSchemas['RankingItem'];
export type Proposals = ScoringSchemas['Proposals'];

export async function getScorecards(roundId: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(scoringApi.GET('/v1/rounds/{round_id}/scorecards', { params: { path: { round_id: roundId } }, signal }));
}

export const getScorecardsQueryOptions = (roundId: string) =>
  queryOptions({ queryKey: scoringKeys.scorecards(roundId), queryFn: ({ signal }) => getScorecards(roundId, { signal }) });

export const useScorecards = (roundId: string) => useQuery(getScorecardsQueryOptions(roundId));

export async function getRanking(roundId: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(scoringApi.GET('/v1/rounds/{round_id}/ranking', { params: { path: { round_id: roundId } }, signal }));
}

export const getRankingQueryOptions = (roundId: string) =>
  queryOptions({ queryKey: scoringKeys.ranking(roundId), queryFn: ({ signal }) => getRanking(roundId, { signal }) });

export const useRanking = (roundId: string) => useQuery(getRankingQueryOptions(roundId));

export async function getProposals(roundId: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(scoringApi.GET('/v1/rounds/{round_id}/proposals', { params: { path: { round_id: roundId } }, signal }));
}

export const getProposalsQueryOptions = (roundId: string) =>
  queryOptions({ queryKey: scoringKeys.proposals(roundId), queryFn: ({ signal }) => getProposals(roundId, { signal }) });

export const useProposals = (roundId: string) => useQuery(getProposalsQueryOptions(roundId));

export function useGenerateScorecards(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(scoringApi.POST('/v1/rounds/{round_id}/scorecards/generate', { params: { path: { round_id: roundId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.round(roundId) }),
  });
}

/** One individual's scorecard in a round that scores people (`add_scorecard`). */
export function useAddIndividual(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoringSchemas['IndividualScorecardIn']) =>
      unwrap(scoringApi.POST('/v1/rounds/{round_id}/scorecards', { params: { path: { round_id: roundId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.round(roundId) }),
  });
}

export function useComputeRound(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(scoringApi.POST('/v1/rounds/{round_id}/compute', { params: { path: { round_id: roundId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.all }),
  });
}

/** Downloads the ranking as an .xlsx file (the request carries the bearer token, so no plain link). */
export async function downloadRankingXlsx(roundId: string): Promise<void> {
  const result = await scoringApi.GET('/v1/rounds/{round_id}/ranking.xlsx', {
    params: { path: { round_id: roundId } },
    parseAs: 'blob',
  });
  const blob = await unwrap(Promise.resolve(result));
  const disposition = result.response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `xep-hang-${roundId}.xlsx`;
  saveBlob(blob, filename);
}
