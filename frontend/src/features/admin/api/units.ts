/** The unit tree (campaign-api): every unit, one unit with its ETag and its sub-units, create and change; provinces and communes to pick from. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type Unit = CampaignSchemas['UnitOut'];
export type UnitCreate = CampaignSchemas['UnitCreate'];
export type UnitUpdate = CampaignSchemas['UnitUpdate'];
export type UnitKind = CampaignSchemas['UnitKind'];

export interface UnitWithEtag {
  unit: Unit;
  etag: string | null;
}

export const unitKeys = {
  all: ['units'] as const,
  tree: () => [...unitKeys.all, 'tree'] as const,
  detail: (code: string) => [...unitKeys.all, 'detail', code] as const,
  subtree: (code: string) => [...unitKeys.all, 'subtree', code] as const,
};

export const getUnitTree = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(campaignApi.GET('/v1/units', { params: { query: { limit: 500 } }, signal }));

export async function getUnit(code: string, { signal }: { signal?: AbortSignal } = {}): Promise<UnitWithEtag> {
  const result = await campaignApi.GET('/v1/units/{code}', { params: { path: { code } }, signal });
  const unit = await unwrap(Promise.resolve(result));
  return { unit, etag: result.response.headers.get('ETag') };
}

export const getSubtree = (code: string, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(campaignApi.GET('/v1/units/{code}/subtree', { params: { path: { code } }, signal }));

export const postUnit = (body: UnitCreate) => unwrap(campaignApi.POST('/v1/units', { body }));

export async function patchUnit(code: string, body: UnitUpdate, etag: string | null): Promise<UnitWithEtag> {
  const result = await campaignApi.PATCH('/v1/units/{code}', {
    params: { path: { code } },
    body,
    headers: etag ? { 'If-Match': etag } : {},
  });
  const unit = await unwrap(Promise.resolve(result));
  return { unit, etag: result.response.headers.get('ETag') };
}

export const getProvinces = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(campaignApi.GET('/v1/localities/provinces', { signal }));

export const getCommunes = (province: string, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(
    campaignApi.GET('/v1/localities/provinces/{code}/communes', { params: { path: { code: province }, query: { limit: 500 } }, signal }),
  );

export const useUnitTree = () => useQuery({ queryKey: unitKeys.tree(), queryFn: ({ signal }) => getUnitTree({ signal }) });

export const useUnit = (code: string | undefined) =>
  useQuery({ queryKey: unitKeys.detail(code ?? ''), queryFn: ({ signal }) => getUnit(code ?? '', { signal }), enabled: code !== undefined });

export const useSubtree = (code: string | undefined) =>
  useQuery({ queryKey: unitKeys.subtree(code ?? ''), queryFn: ({ signal }) => getSubtree(code ?? '', { signal }), enabled: code !== undefined });

export const useProvinces = () =>
  useQuery({ queryKey: ['localities', 'provinces'], queryFn: ({ signal }) => getProvinces({ signal }), staleTime: Infinity });

export const useCommunes = (province: string | undefined) =>
  useQuery({
    queryKey: ['localities', 'communes', province],
    queryFn: ({ signal }) => getCommunes(province ?? '', { signal }),
    enabled: province !== undefined && province !== '',
    staleTime: Infinity,
  });

export function useUnitMutations(code?: string) {
  const queryClient = useQueryClient();
  // Every cached list of units (this page's tree and the movements' organiser pickers).
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: unitKeys.all });
  return {
    create: useMutation({ mutationFn: postUnit, onSuccess }),
    update: useMutation({
      mutationFn: ({ body, etag }: { body: UnitUpdate; etag: string | null }) => patchUnit(code ?? '', body, etag),
      onSuccess,
    }),
  };
}
