/** Changes to a movement: create, edit, launch/close, phases, targets, reports and their review. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';
import { campaignKeys } from './keys';

export type CampaignCreate = CampaignSchemas['CampaignCreate'];
export type CampaignUpdate = CampaignSchemas['CampaignUpdate'];
export type PhaseCreate = CampaignSchemas['PhaseCreate'];
export type TargetCreate = CampaignSchemas['TargetCreate'];
export type ReportIn = CampaignSchemas['ReportIn'];

export const postCampaign = (body: CampaignCreate) => unwrap(campaignApi.POST('/v1/campaigns', { body }));
export const patchCampaign = (id: string, body: CampaignUpdate) =>
  unwrap(campaignApi.PATCH('/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: id } }, body }));
export const transitionCampaign = (id: string, action: 'launch' | 'close') =>
  action === 'launch'
    ? unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/launch', { params: { path: { campaign_id: id } } }))
    : unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/close', { params: { path: { campaign_id: id } } }));
export const postPhase = (id: string, body: PhaseCreate) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/phases', { params: { path: { campaign_id: id } }, body }));
export const postTarget = (id: string, body: TargetCreate) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/targets', { params: { path: { campaign_id: id } }, body }));
export const postReport = (id: string, body: ReportIn) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/reports', { params: { path: { campaign_id: id } }, body }));
export const reviewReport = (reportId: string, decision: { accept: true } | { accept: false; note: string }) =>
  decision.accept
    ? unwrap(campaignApi.POST('/v1/reports/{report_id}/accept', { params: { path: { report_id: reportId } } }))
    : unwrap(
        campaignApi.POST('/v1/reports/{report_id}/return', {
          params: { path: { report_id: reportId } },
          body: { review_note: decision.note },
        }),
      );

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postCampaign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

/** Mutations of one movement; each refreshes everything cached about it (and the lists). */
export function useCampaignMutations(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: campaignKeys.all });
  return {
    update: useMutation({ mutationFn: (body: CampaignUpdate) => patchCampaign(id, body), onSuccess }),
    transition: useMutation({ mutationFn: (action: 'launch' | 'close') => transitionCampaign(id, action), onSuccess }),
    addPhase: useMutation({ mutationFn: (body: PhaseCreate) => postPhase(id, body), onSuccess }),
    addTarget: useMutation({ mutationFn: (body: TargetCreate) => postTarget(id, body), onSuccess }),
    fileReport: useMutation({ mutationFn: (body: ReportIn) => postReport(id, body), onSuccess }),
    review: useMutation({
      mutationFn: ({ reportId, ...decision }: { reportId: string } & ({ accept: true } | { accept: false; note: string })) =>
        reviewReport(reportId, decision),
      onSuccess,
    }),
  };
}
