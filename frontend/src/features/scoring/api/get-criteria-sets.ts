import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignApi, scoringApi, unwrap } from '@/lib/api/services';
import type { ScoringSchemas } from '@/lib/api/services';
import { scoringKeys } from './keys';

/** What scoring-api lets the caller do with a criteria set (`allowed_actions`). */
export type CriteriaSetAction = ScoringSchemas['CriteriaSetAction'];
export type CriteriaSet = ScoringSchemas['CriteriaSetOut'];
/** The sets; the list's own `allowed_actions` says whether the caller may start a new one. */
export type CriteriaSetPage = ScoringSchemas['CriteriaSetPage'];

export async function getCriteriaSets({ signal }: { signal?: AbortSignal } = {}): Promise<CriteriaSetPage> {
  return unwrap(scoringApi.GET('/v1/criteria-sets', { params: { query: { limit: 500 } }, signal }));
}

export const getCriteriaSetsQueryOptions = () =>
  queryOptions({ queryKey: scoringKeys.criteriaSets(), queryFn: ({ signal }) => getCriteriaSets({ signal }) });

export const useCriteriaSets = ({ enabled = true }: { enabled?: boolean } = {}) => useQuery({ ...getCriteriaSetsQueryOptions(), enabled });

/** A set with its ETag (a draft's changes send it as If-Match). */
export async function getCriteriaSet(id: string, { signal }: { signal?: AbortSignal } = {}) {
  const result = await scoringApi.GET('/v1/criteria-sets/{set_id}', { params: { path: { set_id: id } }, signal });
  const criteriaSet = await unwrap(Promise.resolve(result));
  return { criteriaSet, etag: result.response.headers.get('ETag') };
}

export const getCriteriaSetQueryOptions = (id: string) =>
  queryOptions({ queryKey: scoringKeys.criteriaSet(id), queryFn: ({ signal }) => getCriteriaSet(id, { signal }) });

export const useCriteriaSet = (id: string | undefined) =>
  useQuery({ ...getCriteriaSetQueryOptions(id ?? ''), enabled: !!id });

/** Campaigns a new set can belong to (campaign-api). */
export async function getCampaignChoices({ signal }: { signal?: AbortSignal } = {}) {
  const page = await unwrap(campaignApi.GET('/v1/campaigns', { params: { query: { limit: 500 } }, signal }));
  return page.items.map((campaign) => ({ id: campaign.id, code: campaign.code, title: campaign.title }));
}

export const useCampaignChoices = (enabled: boolean) =>
  useQuery({ queryKey: [...scoringKeys.all, 'campaign-choices'], queryFn: ({ signal }) => getCampaignChoices({ signal }), enabled });
