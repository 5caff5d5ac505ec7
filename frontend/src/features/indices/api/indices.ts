import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';

export type Framework = ScoringSchemas['FrameworkOut'];
export type FrameworkNode = ScoringSchemas['NodeIn-Output'];
export type IndexRun = ScoringSchemas['RunOut'];
export type UnitResult = ScoringSchemas['UnitResult'];
export type Uncertainty = ScoringSchemas['UncertaintyOut'];

export const indexKeys = {
  all: ['indices'] as const,
  frameworks: () => [...indexKeys.all, 'frameworks'] as const,
  runs: (frameworkId: string) => [...indexKeys.all, 'runs', frameworkId] as const,
  run: (runId: string) => [...indexKeys.all, 'run', runId] as const,
};

export const frameworksQuery = () =>
  queryOptions({
    queryKey: indexKeys.frameworks(),
    queryFn: ({ signal }) => unwrap(scoringApi.GET('/v1/index-frameworks', { params: { query: { limit: 200 } }, signal })),
  });

export const useFrameworks = () => useQuery(frameworksQuery());

/** The runs of a framework, newest first. */
export const useRuns = (frameworkId: string | undefined) =>
  useQuery({
    queryKey: indexKeys.runs(frameworkId ?? ''),
    enabled: !!frameworkId,
    queryFn: ({ signal }) =>
      unwrap(
        scoringApi.GET('/v1/index-runs', {
          params: { query: { framework_id: frameworkId ?? '', limit: 20 } },
          signal,
        }),
      ),
  });

export const useRun = (runId: string | undefined) =>
  useQuery({
    queryKey: indexKeys.run(runId ?? ''),
    enabled: !!runId,
    queryFn: ({ signal }) => unwrap(scoringApi.GET('/v1/index-runs/{run_id}', { params: { path: { run_id: runId ?? '' } }, signal })),
  });

/** Uploads the filled xlsx template: every value is written, or none (the problem lists the bad rows). */
export async function uploadValues(frameworkId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(
    scoringApi.POST('/v1/index-frameworks/{framework_id}/values.xlsx', {
      params: { path: { framework_id: frameworkId } },
      // The generated type says `string` for a binary part; a FormData body goes out as multipart.
      body: body as unknown as { file: string },
      bodySerializer: (form) => form as unknown as FormData,
    }),
  );
}

export const useUploadValues = (frameworkId: string) =>
  useMutation({ mutationFn: (file: File) => uploadValues(frameworkId, file) });

export function useCreateRun(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => unwrap(scoringApi.POST('/v1/index-runs', { body: { framework_id: frameworkId, period } })),
    onSuccess: async (run) => {
      queryClient.setQueryData(indexKeys.run(run.id), run);
      await queryClient.invalidateQueries({ queryKey: indexKeys.runs(frameworkId) });
    },
  });
}

export function useUncertainty(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoringSchemas['UncertaintyIn']) =>
      unwrap(scoringApi.POST('/v1/index-runs/{run_id}/uncertainty', { params: { path: { run_id: runId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indexKeys.run(runId) }),
  });
}

async function download(result: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string) {
  const answer = await result;
  const blob = await unwrap(Promise.resolve(answer));
  const disposition = answer.response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const downloadTemplate = (frameworkId: string) =>
  download(
    scoringApi.GET('/v1/index-frameworks/{framework_id}/values/template.xlsx', {
      params: { path: { framework_id: frameworkId } },
      parseAs: 'blob',
    }),
    `mau-chi-so-${frameworkId}.xlsx`,
  );

export const downloadRun = (runId: string) =>
  download(
    scoringApi.GET('/v1/index-runs/{run_id}.xlsx', { params: { path: { run_id: runId } }, parseAs: 'blob' }),
    `chi-so-${runId}.xlsx`,
  );
