/**
 * One learner (with its ETag), its correction (If-Match), its erasure, registering a new one, its
 * training records and the revocation of a certificate.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';
import { learnerKeys } from './get-learners';
import type { Learner } from './get-learners';

export type LearnerCreate = LiteracySchemas['LearnerCreate'];
export type LearnerUpdate = LiteracySchemas['LearnerUpdate'];
export type TrainingRecord = LiteracySchemas['RecordOut'];
export type RecordIn = LiteracySchemas['RecordIn'];

export interface LearnerWithEtag {
  learner: Learner;
  etag: string | null;
}

export const learnerDetailKey = (id: string) => [...learnerKeys.all, 'detail', id] as const;
export const recordKeys = {
  all: ['literacy', 'records'] as const,
  ofLearner: (id: string) => [...recordKeys.all, 'learner', id] as const,
};

export async function getLearner(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<LearnerWithEtag> {
  const result = await literacyApi.GET('/v1/learners/{learner_id}', { params: { path: { learner_id: id } }, signal });
  const learner = await unwrap(Promise.resolve(result));
  return { learner, etag: result.response.headers.get('ETag') };
}

/** A correction against the copy read (If-Match): someone else's change meanwhile gives 412. */
export async function patchLearner(id: string, body: LearnerUpdate, etag: string | null): Promise<LearnerWithEtag> {
  const result = await literacyApi.PATCH('/v1/learners/{learner_id}', {
    params: { path: { learner_id: id } },
    body,
    headers: etag ? { 'If-Match': etag } : {},
  });
  const learner = await unwrap(Promise.resolve(result));
  return { learner, etag: result.response.headers.get('ETag') };
}

export const useLearner = (id: string) =>
  useQuery({ queryKey: learnerDetailKey(id), queryFn: ({ signal }) => getLearner(id, { signal }), enabled: id !== '' });

export function useCreateLearner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LearnerCreate) => unwrap(literacyApi.POST('/v1/learners', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learnerKeys.all }),
  });
}

export function usePatchLearner(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: LearnerUpdate; etag: string | null }) => patchLearner(id, body, etag),
    onSuccess: async (saved) => {
      queryClient.setQueryData(learnerDetailKey(id), saved);
      // The lists (and coverage, which counts by commune and category) change with it.
      await queryClient.invalidateQueries({ queryKey: ['literacy'], predicate: (query) => query.queryKey[2] !== 'detail' });
    },
  });
}

export function useEraseLearner(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(literacyApi.DELETE('/v1/learners/{learner_id}', { params: { path: { learner_id: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['literacy'] }),
  });
}

export const useLearnerRecords = (id: string) =>
  useQuery({
    queryKey: recordKeys.ofLearner(id),
    queryFn: ({ signal }) => unwrap(literacyApi.GET('/v1/records', { params: { query: { learner_id: id, limit: 200 } }, signal })),
    enabled: id !== '',
  });

export function useRecordTraining() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordIn) => unwrap(literacyApi.POST('/v1/records', { body })),
    // Records feed the coverage figures too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['literacy'] }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) =>
      unwrap(literacyApi.POST('/v1/certificates/{code}/revoke', { params: { path: { code } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.all }),
  });
}
