/** One scorecard with its ETag, its changes (If-Match), its workflow moves and its audit trail. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';
import { scoringKeys } from './keys';

/**
 * What scoring-api lets the caller do with a card (`allowed_actions`): `score` is changing the
 * entries whose turn it is (the self-assessment while draft or returned, the reviewed scores after).
 */
export type ScorecardAction = ScoringSchemas['ScorecardAction'];
export type Scorecard = ScoringSchemas['ScorecardOut'];
export type EntryPatch = ScoringSchemas['EntryPatch'];
export type WorkflowAction = Exclude<ScorecardAction, 'score'>;

export interface ScorecardWithEtag {
  scorecard: Scorecard;
  etag: string | null;
}

export async function getScorecard(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<ScorecardWithEtag> {
  const result = await scoringApi.GET('/v1/scorecards/{scorecard_id}', { params: { path: { scorecard_id: id } }, signal });
  const scorecard = await unwrap(Promise.resolve(result));
  return { scorecard, etag: result.response.headers.get('ETag') };
}

export const getScorecardQueryOptions = (id: string) =>
  queryOptions({ queryKey: scoringKeys.scorecard(id), queryFn: ({ signal }) => getScorecard(id, { signal }) });

export const useScorecard = (id: string) => useQuery(getScorecardQueryOptions(id));

/** Saves entries against the copy read (If-Match): a change made meanwhile by someone else gives 412. */
export async function patchScorecard(id: string, entries: EntryPatch[], etag: string | null): Promise<ScorecardWithEtag> {
  const result = await scoringApi.PATCH('/v1/scorecards/{scorecard_id}', {
    params: { path: { scorecard_id: id } },
    body: { entries },
    headers: etag ? { 'If-Match': etag } : {},
  });
  const scorecard = await unwrap(Promise.resolve(result));
  return { scorecard, etag: result.response.headers.get('ETag') };
}

export async function moveScorecard(id: string, action: WorkflowAction, reason?: string): Promise<Scorecard> {
  const path = { params: { path: { scorecard_id: id } } };
  switch (action) {
    case 'submit':
      return unwrap(scoringApi.POST('/v1/scorecards/{scorecard_id}/submit', path));
    case 'review':
      return unwrap(scoringApi.POST('/v1/scorecards/{scorecard_id}/review', path));
    case 'approve':
      return unwrap(scoringApi.POST('/v1/scorecards/{scorecard_id}/approve', path));
    case 'return':
      return unwrap(scoringApi.POST('/v1/scorecards/{scorecard_id}/return', { ...path, body: { reason: reason ?? '' } }));
  }
}

export function usePatchScorecard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entries, etag }: { entries: EntryPatch[]; etag: string | null }) => patchScorecard(id, entries, etag),
    onSuccess: (saved) => {
      queryClient.setQueryData(scoringKeys.scorecard(id), saved);
      void queryClient.invalidateQueries({ queryKey: scoringKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: scoringKeys.round(saved.scorecard.round_id) });
    },
  });
}

export function useMoveScorecard(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: WorkflowAction; reason?: string }) => moveScorecard(id, action, reason),
    onSuccess: (moved) => {
      void queryClient.invalidateQueries({ queryKey: scoringKeys.scorecard(id) });
      void queryClient.invalidateQueries({ queryKey: scoringKeys.round(moved.round_id) });
    },
  });
}

export async function getScorecardHistory(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(scoringApi.GET('/v1/scorecards/{scorecard_id}/history', { params: { path: { scorecard_id: id } }, signal }));
}

export const useScorecardHistory = (id: string) =>
  useQuery({ queryKey: scoringKeys.history(id), queryFn: ({ signal }) => getScorecardHistory(id, { signal }) });
