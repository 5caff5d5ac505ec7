import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
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

const STAGE: Record<ImportStatus, number> = { queued: 0, running: 1, succeeded: 2, failed: 2 };

/**
 * Of two copies of one job read at different moments, the one further along (a job only moves forward:
 * queued → running → succeeded/failed, its processed rows only grow). The card and the recent-imports
 * list both show this one, whichever query answered last.
 */
export function furtherAlong(a: ImportJob, b: ImportJob | undefined): ImportJob {
  if (b === undefined) return a;
  if (STAGE[a.status] !== STAGE[b.status]) return STAGE[a.status] > STAGE[b.status] ? a : b;
  return b.processed_rows > a.processed_rows ? b : a;
}

/**
 * One source of truth for a job: its own query's cache. A copy read by either query is merged into it
 * (and into the list's row), so the card never says "Hoàn tất" while the list still says "Đang chờ".
 */
export function rememberJob(client: QueryClient, read: ImportJob): ImportJob {
  const job = furtherAlong(read, client.getQueryData<ImportJob>(importKeys.job(read.id)));
  client.setQueryData(importKeys.job(job.id), job);
  client.setQueryData(importKeys.list(), (page: Awaited<ReturnType<typeof getImports>> | undefined) =>
    page?.items.some((item) => item.id === job.id && item !== job)
      ? { ...page, items: page.items.map((item) => (item.id === job.id ? job : item)) }
      : page,
  );
  return job;
}

export const getImportsQueryOptions = () =>
  queryOptions({
    queryKey: importKeys.list(),
    queryFn: async ({ signal, client }) => {
      const page = await getImports({ signal });
      // Each row as the job's own (newer) copy has it, and the job's copy brought up to the row.
      return { ...page, items: page.items.map((item) => rememberJob(client, item)) };
    },
    // While any listed job is unfinished, keep the list current too.
    refetchInterval: (query) => (query.state.data?.items.some(isImportInFlight) ? IMPORT_POLL_MS * 3 : false),
  });

export const getImportQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: importKeys.job(jobId),
    queryFn: async ({ signal, client }) => rememberJob(client, await getImport(jobId, { signal })),
    // Poll every second while queued or running; stop once the job has an outcome.
    refetchInterval: (query) => (query.state.data === undefined || isImportInFlight(query.state.data) ? IMPORT_POLL_MS : false),
  });

export const useImports = () => useQuery(getImportsQueryOptions());
export const useImport = (jobId: string | undefined) =>
  useQuery({ ...getImportQueryOptions(jobId ?? ''), enabled: jobId !== undefined });
