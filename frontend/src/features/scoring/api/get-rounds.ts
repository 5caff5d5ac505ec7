import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';
import { scoringKeys } from './keys';

/** What scoring-api lets the caller do with a round (`allowed_actions`). */
export type RoundAction = ScoringSchemas['RoundAction'];
export type Round = ScoringSchemas['RoundOut'];
export type RoundCreate = ScoringSchemas['RoundCreate'];
/** The rounds; the list's own `allowed_actions` says whether the caller may open a new one. */
export type RoundPage = ScoringSchemas['RoundPage'];

export async function getRounds({ signal }: { signal?: AbortSignal } = {}): Promise<RoundPage> {
  return unwrap(scoringApi.GET('/v1/rounds', { params: { query: { limit: 500 } }, signal }));
}

export const getRoundsQueryOptions = () =>
  queryOptions({ queryKey: scoringKeys.rounds(), queryFn: ({ signal }) => getRounds({ signal }) });

export const useRounds = () => useQuery(getRoundsQueryOptions());

export async function getRound(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Round> {
  return unwrap(scoringApi.GET('/v1/rounds/{round_id}', { params: { path: { round_id: id } }, signal }));
}

export const getRoundQueryOptions = (id: string) =>
  queryOptions({ queryKey: scoringKeys.round(id), queryFn: ({ signal }) => getRound(id, { signal }) });

export const useRound = (id: string) => useQuery({ ...getRoundQueryOptions(id), enabled: !!id });

export async function createRound(body: RoundCreate) {
  return unwrap(scoringApi.POST('/v1/rounds', { body }));
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.rounds() }),
  });
}
