import { useMutation, useQueryClient } from '@tanstack/react-query';
import { scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';
import { scoringKeys } from './keys';

export type CriteriaSetCreate = ScoringSchemas['CriteriaSetCreate'];
export type CriteriaSetUpdate = ScoringSchemas['CriteriaSetUpdate'];

export async function createCriteriaSet(body: CriteriaSetCreate) {
  return unwrap(scoringApi.POST('/v1/criteria-sets', { body }));
}

/** Changes a draft; `etag` guards against overwriting someone else's change (412). */
export async function updateCriteriaSet(id: string, body: CriteriaSetUpdate, etag: string | null) {
  return unwrap(
    scoringApi.PATCH('/v1/criteria-sets/{set_id}', {
      params: { path: { set_id: id } },
      body,
      headers: etag ? { 'If-Match': etag } : {},
    }),
  );
}

export async function publishCriteriaSet(id: string) {
  return unwrap(scoringApi.POST('/v1/criteria-sets/{set_id}/publish', { params: { path: { set_id: id } } }));
}

export function useCreateCriteriaSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCriteriaSet,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.criteriaSets() }),
  });
}

export function useUpdateCriteriaSet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: CriteriaSetUpdate; etag: string | null }) => updateCriteriaSet(id, body, etag),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.criteriaSets() }),
  });
}

export function usePublishCriteriaSet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishCriteriaSet(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scoringKeys.criteriaSets() }),
  });
}
