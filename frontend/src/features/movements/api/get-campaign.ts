/** One movement and the parts its detail page shows, each its own query. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';
import { campaignKeys } from './keys';

interface Signal {
  signal?: AbortSignal;
}
const path = (campaign_id: string) => ({ path: { campaign_id } });

export type PlanStatus = CampaignSchemas['PlanStatus'];
export type ReportStatus = CampaignSchemas['ReportStatus'];

export const getCampaign = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}', { params: path(id), signal }));
export const getPhases = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/phases', { params: path(id), signal }));
export const getTargets = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/targets', { params: path(id), signal }));
export const getSummary = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/summary', { params: path(id), signal }));
export const getParticipants = (id: string, planStatus: PlanStatus | undefined, { signal }: Signal = {}) =>
  unwrap(
    campaignApi.GET('/v1/campaigns/{campaign_id}/participants', {
      params: { ...path(id), query: { plan_status: planStatus } },
      signal,
    }),
  );
export const getReports = (id: string, status: ReportStatus | undefined, { signal }: Signal = {}) =>
  unwrap(
    campaignApi.GET('/v1/campaigns/{campaign_id}/reports', {
      params: { ...path(id), query: { status, limit: 500 } },
      signal,
    }),
  );
/** One report as stored now (the resubmission starts from it, not from a list row read earlier). */
export const getReport = (reportId: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/reports/{report_id}', { params: { path: { report_id: reportId } }, signal }));
export const getInitiatives = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/initiatives', { params: { ...path(id), query: { limit: 500 } }, signal }));
export const getCommendations = (id: string, { signal }: Signal = {}) =>
  unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/commendations', { params: { ...path(id), query: { limit: 500 } }, signal }));

export const useCampaign = (id: string) =>
  useQuery(queryOptions({ queryKey: campaignKeys.detail(id), queryFn: ({ signal }) => getCampaign(id, { signal }) }));
export const usePhases = (id: string) =>
  useQuery({ queryKey: campaignKeys.part(id, 'phases'), queryFn: ({ signal }) => getPhases(id, { signal }) });
export const useTargets = (id: string) =>
  useQuery({ queryKey: campaignKeys.part(id, 'targets'), queryFn: ({ signal }) => getTargets(id, { signal }) });
export const useSummary = (id: string) =>
  useQuery({ queryKey: campaignKeys.part(id, 'summary'), queryFn: ({ signal }) => getSummary(id, { signal }) });
export const useParticipants = (id: string, planStatus?: PlanStatus) =>
  useQuery({
    queryKey: campaignKeys.part(id, 'participants', { planStatus }),
    queryFn: ({ signal }) => getParticipants(id, planStatus, { signal }),
  });
export const useReports = (id: string, status?: ReportStatus) =>
  useQuery({
    queryKey: campaignKeys.part(id, 'reports', { status }),
    queryFn: ({ signal }) => getReports(id, status, { signal }),
  });
export const useReport = (campaignId: string, reportId: string | undefined) =>
  useQuery({
    queryKey: campaignKeys.part(campaignId, 'reports', { reportId }),
    queryFn: ({ signal }) => getReport(reportId ?? '', { signal }),
    enabled: reportId !== undefined,
    staleTime: 0,
  });
export const useInitiatives = (id: string) =>
  useQuery({ queryKey: campaignKeys.part(id, 'initiatives'), queryFn: ({ signal }) => getInitiatives(id, { signal }) });
export const useCommendations = (id: string) =>
  useQuery({ queryKey: campaignKeys.part(id, 'commendations'), queryFn: ({ signal }) => getCommendations(id, { signal }) });
