import { queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type ImportJob = LiteracySchemas['ImportJobOut'];
export type ImportStatus = LiteracySchemas['ImportStatus'];

/** A job the worker has not finished yet: its counts still change. */
export function isImportInFlight(job: Pick<ImportJob, 'status'> | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** How often an unfinished job is asked for its progress. */
export const IMPORT_POLL_MS = 1_000;

export async function getImports({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/imports', { params: { query: { limit: 20 } }, signal }));
}

export async function getImport(jobId: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/imports/{job_id}', { params: { path: { job_id: jobId } }, signal }));
}

export const importKeys = {
  all: ['literacy', 'imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  job: (jobId: string) => [...importKeys.all, 'job', jobId] as const,
};

export const getImportsQueryOptions = () =>
  queryOptions({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => getImports({ signal }),
    // While any listed job is unfinished, keep the list current too.
    refetchInterval: (query) => (query.state.data?.items.some(isImportInFlight) ? IMPORT_POLL_MS * 3 : false),
  });

export const getImportQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: importKeys.job(jobId),
    queryFn: ({ signal }) => getImport(jobId, { signal }),
    // Poll every second while queued or running; stop once the job has an outcome.
    refetchInterval: (query) => (query.state.data === undefined || isImportInFlight(query.state.data) ? IMPORT_POLL_MS : false),
  });

export const useImports = () => useQuery(getImportsQueryOptions());
export const useImport = (jobId: string | undefined) =>
  useQuery({ ...getImportQueryOptions(jobId ?? ''), enabled: jobId !== undefined });
