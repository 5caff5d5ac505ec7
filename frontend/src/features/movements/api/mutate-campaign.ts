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
export type PhaseUpdate = CampaignSchemas['PhaseUpdate'];
export type TargetUpdate = CampaignSchemas['TargetUpdate'];
export type PlanIn = CampaignSchemas['PlanIn'];
export type ReportResubmission = CampaignSchemas['ReportResubmission'];
export type InitiativeIn = CampaignSchemas['InitiativeIn'];
export type Assessment = CampaignSchemas['Assessment'];
export type CommendationIn = CampaignSchemas['UnitCommendationIn'] | CampaignSchemas['PersonCommendationIn'];

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

const phasePath = (campaign_id: string, phase_id: string) => ({ path: { campaign_id, phase_id } });
const targetPath = (campaign_id: string, target_id: string) => ({ path: { campaign_id, target_id } });
export const patchPhase = (id: string, phaseId: string, body: PhaseUpdate) =>
  unwrap(campaignApi.PATCH('/v1/campaigns/{campaign_id}/phases/{phase_id}', { params: phasePath(id, phaseId), body }));
export const deletePhase = (id: string, phaseId: string) =>
  unwrap(campaignApi.DELETE('/v1/campaigns/{campaign_id}/phases/{phase_id}', { params: phasePath(id, phaseId) }));
export const patchTarget = (id: string, targetId: string, body: TargetUpdate) =>
  unwrap(campaignApi.PATCH('/v1/campaigns/{campaign_id}/targets/{target_id}', { params: targetPath(id, targetId), body }));
export const deleteTarget = (id: string, targetId: string) =>
  unwrap(campaignApi.DELETE('/v1/campaigns/{campaign_id}/targets/{target_id}', { params: targetPath(id, targetId) }));
export const enrolUnits = (id: string, unitCodes: string[]) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/participants', { params: { path: { campaign_id: id } }, body: { unit_codes: unitCodes } }));
export const putPlan = (id: string, unitCode: string, body: PlanIn) =>
  unwrap(
    campaignApi.PUT('/v1/campaigns/{campaign_id}/participants/{unit_code}/plan', {
      params: { path: { campaign_id: id, unit_code: unitCode } },
      body,
    }),
  );
export const resubmitReport = (reportId: string, body: ReportResubmission) =>
  unwrap(campaignApi.PUT('/v1/reports/{report_id}', { params: { path: { report_id: reportId } }, body }));
export const postInitiative = (id: string, body: InitiativeIn) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/initiatives', { params: { path: { campaign_id: id } }, body }));
export const assessInitiative = (initiativeId: string, body: Assessment) =>
  unwrap(campaignApi.POST('/v1/initiatives/{initiative_id}/assess', { params: { path: { initiative_id: initiativeId } }, body }));
export const postCommendation = (id: string, body: CommendationIn) =>
  unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/commendations', { params: { path: { campaign_id: id } }, body }));

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
    updatePhase: useMutation({ mutationFn: ({ phaseId, body }: { phaseId: string; body: PhaseUpdate }) => patchPhase(id, phaseId, body), onSuccess }),
    deletePhase: useMutation({ mutationFn: (phaseId: string) => deletePhase(id, phaseId), onSuccess }),
    updateTarget: useMutation({ mutationFn: ({ targetId, body }: { targetId: string; body: TargetUpdate }) => patchTarget(id, targetId, body), onSuccess }),
    deleteTarget: useMutation({ mutationFn: (targetId: string) => deleteTarget(id, targetId), onSuccess }),
    enrol: useMutation({ mutationFn: (unitCodes: string[]) => enrolUnits(id, unitCodes), onSuccess }),
    filePlan: useMutation({ mutationFn: ({ unitCode, body }: { unitCode: string; body: PlanIn }) => putPlan(id, unitCode, body), onSuccess }),
    resubmit: useMutation({ mutationFn: ({ reportId, body }: { reportId: string; body: ReportResubmission }) => resubmitReport(reportId, body), onSuccess }),
    addInitiative: useMutation({ mutationFn: (body: InitiativeIn) => postInitiative(id, body), onSuccess }),
    assess: useMutation({ mutationFn: ({ initiativeId, body }: { initiativeId: string; body: Assessment }) => assessInitiative(initiativeId, body), onSuccess }),
    commend: useMutation({ mutationFn: (body: CommendationIn) => postCommendation(id, body), onSuccess }),
    review: useMutation({
      mutationFn: ({ reportId, ...decision }: { reportId: string } & ({ accept: true } | { accept: false; note: string })) =>
        reviewReport(reportId, decision),
      onSuccess,
    }),
  };
}
