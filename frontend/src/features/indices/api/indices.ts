import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';

export type Framework = ScoringSchemas['FrameworkOut'];
export type FrameworkNode = ScoringSchemas['NodeIn-Output'];
export type IndexRun = ScoringSchemas['RunOut'];
export type UnitResult = ScoringSchemas['UnitResult'];
export type Uncertainty = ScoringSchemas['UncertaintyOut'];

export type FrameworkCreate = ScoringSchemas['FrameworkCreate'];
export type FrameworkUpdate = ScoringSchemas['FrameworkUpdate'];
export type ValueIn = ScoringSchemas['ValueIn'];

export const indexKeys = {
  all: ['indices'] as const,
  frameworks: () => [...indexKeys.all, 'frameworks'] as const,
  framework: (frameworkId: string) => [...indexKeys.all, 'framework', frameworkId] as const,
  runs: (frameworkId: string) => [...indexKeys.all, 'runs', frameworkId] as const,
  run: (runId: string) => [...indexKeys.all, 'run', runId] as const,
};

export const frameworksQuery = () =>
  queryOptions({
    queryKey: indexKeys.frameworks(),
    queryFn: ({ signal }) => unwrap(scoringApi.GET('/v1/index-frameworks', { params: { query: { limit: 200 } }, signal })),
  });

export const useFrameworks = () => useQuery(frameworksQuery());

/** A framework with its ETag (a draft's changes send it as If-Match). */
export const useFramework = (frameworkId: string | undefined) =>
  useQuery({
    queryKey: indexKeys.framework(frameworkId ?? ''),
    enabled: !!frameworkId,
    queryFn: async ({ signal }) => {
      const result = await scoringApi.GET('/v1/index-frameworks/{framework_id}', {
        params: { path: { framework_id: frameworkId ?? '' } },
        signal,
      });
      const framework = await unwrap(Promise.resolve(result));
      return { framework, etag: result.response.headers.get('ETag') };
    },
  });

/** Saves, publishes or copies frameworks; every change refreshes the list and the framework. */
export function useFrameworkChanges() {
  const queryClient = useQueryClient();
  const refresh = async (framework: Framework) => {
    await queryClient.invalidateQueries({ queryKey: indexKeys.frameworks() });
    await queryClient.invalidateQueries({ queryKey: indexKeys.framework(framework.id) });
    return framework;
  };
  return {
    create: useMutation({
      mutationFn: (body: FrameworkCreate) => unwrap(scoringApi.POST('/v1/index-frameworks', { body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body, etag }: { id: string; body: FrameworkUpdate; etag: string | null }) =>
        unwrap(
          scoringApi.PATCH('/v1/index-frameworks/{framework_id}', {
            params: { path: { framework_id: id } },
            body,
            headers: etag ? { 'If-Match': etag } : {},
          }),
        ),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (id: string) =>
        unwrap(scoringApi.POST('/v1/index-frameworks/{framework_id}/publish', { params: { path: { framework_id: id } } })),
      onSuccess: refresh,
    }),
    copy: useMutation({
      mutationFn: (id: string) =>
        unwrap(scoringApi.POST('/v1/index-frameworks/{framework_id}/copy', { params: { path: { framework_id: id } }, body: {} })),
      onSuccess: refresh,
    }),
  };
}

/** Campaigns a new framework can read participants, targets and contests from (campaign-api). */
export const useCampaignChoices = (enabled: boolean) =>
  useQuery({
    queryKey: [...indexKeys.all, 'campaigns'] as const,
    enabled,
    queryFn: async ({ signal }) => {
      const page = await unwrap(campaignApi.GET('/v1/campaigns', { params: { query: { limit: 500 } }, signal }));
      return page.items.map((campaign) => ({ id: campaign.id, title: campaign.title }));
    },
  });

/** Values typed in the form: every one is written, or none (the problem lists the bad items). */
export const useWriteValues = (frameworkId: string) =>
  useMutation({
    mutationFn: (items: ValueIn[]) =>
      unwrap(
        scoringApi.POST('/v1/index-frameworks/{framework_id}/values', {
          params: { path: { framework_id: frameworkId } },
          body: { items },
        }),
      ),
  });

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
