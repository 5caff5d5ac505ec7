/**
 * Emulation registrations, commendation dossiers, council sessions and decisions (campaign-api's
 * recognition endpoints), and the tasks inbox.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canAny } from '@/lib/allowed-actions';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';
import { saveBlob } from '@/lib/save-blob';

export type RegistrationOut = CampaignSchemas['RegistrationOut'];
export type RegistrationIn = CampaignSchemas['RegistrationIn'];
export type RegistrationStatus = CampaignSchemas['RegistrationStatus'];
export type DossierOut = CampaignSchemas['DossierOut'];
export type DossierIn = CampaignSchemas['DossierIn'];
export type DossierDetail = CampaignSchemas['DossierDetail'];
export type DossierStatus = CampaignSchemas['DossierStatus'];
export type DossierAction = CampaignSchemas['DossierAction'];
export type CouncilSessionOut = CampaignSchemas['CouncilSessionOut'];
export type CouncilSessionIn = CampaignSchemas['CouncilSessionIn'];
export type CouncilResults = CampaignSchemas['CouncilResults'];
export type NomineeResult = CampaignSchemas['NomineeResult'];
export type DecisionOut = CampaignSchemas['DecisionOut'];
export type DecisionIn = CampaignSchemas['DecisionIn'];
export type Vote = CampaignSchemas['Vote'];
export type Task = CampaignSchemas['Task'];
export type CatalogueEntry = CampaignSchemas['CatalogueEntry'];

export const recognitionKeys = {
  all: ['recognition'] as const,
  titles: ['recognition', 'titles'] as const,
  forms: ['recognition', 'forms'] as const,
  registrations: (campaignId: string) => ['recognition', 'registrations', campaignId] as const,
  registration: (id: string) => ['recognition', 'registration', id] as const,
  dossiers: (campaignId: string | undefined, status: DossierStatus | undefined) =>
    ['recognition', 'dossiers', campaignId ?? '', status ?? ''] as const,
  dossier: (id: string) => ['recognition', 'dossier', id] as const,
  councils: ['recognition', 'councils'] as const,
  council: (id: string) => ['recognition', 'council', id] as const,
  results: (id: string) => ['recognition', 'council', id, 'results'] as const,
  decisions: ['recognition', 'decisions'] as const,
  decision: (id: string) => ['recognition', 'decisions', id] as const,
  officials: (role: string | undefined) => ['recognition', 'officials', role ?? ''] as const,
  tasks: ['me', 'tasks'] as const,
};

// --- the movements the work belongs to ---------------------------------------------------------

/** Movements to choose from, by title. */
export const useMovementChoices = () =>
  useQuery({
    queryKey: ['recognition', 'movements'],
    staleTime: 60_000,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/campaigns', { params: { query: { limit: 500 } }, signal })),
  });

/** One movement, for what the user may do in it (`register`, `build_dossiers`). */
export const useMovement = (campaignId: string) =>
  useQuery({
    queryKey: ['recognition', 'movement', campaignId],
    enabled: Boolean(campaignId),
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: campaignId } }, signal })),
  });

/** A movement's participants the user reads (those the user files for carry `file_report`, `add_initiative`…). */
export const useMovementParticipants = (campaignId: string) =>
  useQuery({
    queryKey: ['recognition', 'movement', campaignId, 'participants'],
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/participants', { params: { path: { campaign_id: campaignId } }, signal }),
      ),
  });

/** The units the user files for in the movement (those whose row lets them file something). */
export function useOwnUnits(campaignId: string) {
  const participants = useMovementParticipants(campaignId);
  return (participants.data?.items ?? []).filter((row) => canAny(row, ['file_plan', 'file_report', 'add_initiative']));
}

// --- catalogues ---------------------------------------------------------------------------------

export const useTitles = () =>
  useQuery({
    queryKey: recognitionKeys.titles,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/titles', { signal })),
  });

export const useForms = () =>
  useQuery({
    queryKey: recognitionKeys.forms,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/commendation-forms', { signal })),
  });

/** A title's or a form's name from its code (the code until the catalogues have loaded). */
export function useAwardName(): (code: string | null | undefined) => string {
  const titles = useTitles();
  const forms = useForms();
  const names = new Map([...(titles.data?.items ?? []), ...(forms.data?.items ?? [])].map((entry) => [entry.code, entry.name]));
  return (code) => (code ? (names.get(code) ?? code) : '—');
}

export const useOfficials = (role: 'council' | undefined, enabled: boolean) =>
  useQuery({
    queryKey: recognitionKeys.officials(role),
    enabled,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/officials', { params: { query: { role, limit: 500 } }, signal })),
  });

// --- registrations ------------------------------------------------------------------------------

export const useRegistrations = (campaignId: string | undefined) =>
  useQuery({
    queryKey: recognitionKeys.registrations(campaignId ?? ''),
    enabled: Boolean(campaignId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/registrations', {
          params: { path: { campaign_id: campaignId ?? '' }, query: { limit: 500 } },
          signal,
        }),
      ),
  });

export const useRegistrationSummary = (campaignId: string | undefined) =>
  useQuery({
    queryKey: [...recognitionKeys.registrations(campaignId ?? ''), 'summary'],
    enabled: Boolean(campaignId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/registrations/summary', {
          params: { path: { campaign_id: campaignId ?? '' } },
          signal,
        }),
      ),
  });

/** One registration (its own page). */
export const useRegistration = (id: string) =>
  useQuery({
    queryKey: recognitionKeys.registration(id),
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/registrations/{registration_id}', { params: { path: { registration_id: id } }, signal })),
  });

export type RegistrationMove = 'submit' | 'approve' | 'return';

function moveRegistration(id: string, action: RegistrationMove, reason?: string) {
  const path = { params: { path: { registration_id: id } } };
  switch (action) {
    case 'submit':
      return unwrap(campaignApi.POST('/v1/registrations/{registration_id}/submit', path));
    case 'approve':
      return unwrap(campaignApi.POST('/v1/registrations/{registration_id}/approve', path));
    case 'return':
      return unwrap(campaignApi.POST('/v1/registrations/{registration_id}/return', { ...path, body: { reason: reason ?? '' } }));
  }
}

export function useRegistrationMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const refresh = (saved: RegistrationOut) => {
    queryClient.setQueryData(recognitionKeys.registration(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: recognitionKeys.registrations(campaignId) });
  };
  return {
    create: useMutation({
      mutationFn: (body: RegistrationIn) =>
        unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/registrations', { params: { path: { campaign_id: campaignId } }, body })),
      onSuccess: refresh,
    }),
    move: useMutation({
      mutationFn: ({ id, action, reason }: { id: string; action: RegistrationMove; reason?: string }) =>
        moveRegistration(id, action, reason),
      onSuccess: refresh,
    }),
  };
}

// --- dossiers -----------------------------------------------------------------------------------

export const useDossiers = (campaignId: string | undefined, status: DossierStatus | undefined) =>
  useQuery({
    queryKey: recognitionKeys.dossiers(campaignId, status),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/dossiers', {
          params: { query: { campaign_id: campaignId, status, limit: 500 } },
          signal,
        }),
      ),
  });

export const useDossier = (id: string) =>
  useQuery({
    queryKey: recognitionKeys.dossier(id),
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/dossiers/{dossier_id}', { params: { path: { dossier_id: id } }, signal })),
  });

/** A unit's own dossier, with its files already uploaded (`file_ids`). */
export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierIn) => unwrap(campaignApi.POST('/v1/dossiers', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(recognitionKeys.dossier(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['recognition', 'dossiers'] });
      void queryClient.invalidateQueries({ queryKey: recognitionKeys.tasks });
    },
  });
}

export function useBuildDossiers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roundId: string) => unwrap(campaignApi.POST('/v1/dossiers/from-proposals', { body: { round_id: roundId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recognitionKeys.all }),
  });
}

export interface DossierMove {
  action: Exclude<DossierAction, 'assign'>;
  reason?: string;
}

function moveDossier(id: string, { action, reason }: DossierMove) {
  const path = { params: { path: { dossier_id: id } } };
  switch (action) {
    case 'submit':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/submit', path));
    case 'receive':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/receive', path));
    case 'review':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/review', path));
    case 'to-council':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/to-council', path));
    case 'approve':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/approve', path));
    case 'return':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/return', { ...path, body: { reason: reason ?? '' } }));
    case 'reject':
      return unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/reject', { ...path, body: { reason: reason ?? '' } }));
  }
}

export function useDossierMutations(id: string) {
  const queryClient = useQueryClient();
  const done = (saved: DossierDetail) => {
    queryClient.setQueryData(recognitionKeys.dossier(id), saved);
    void queryClient.invalidateQueries({ queryKey: ['recognition', 'dossiers'] });
    void queryClient.invalidateQueries({ queryKey: recognitionKeys.tasks });
  };
  return {
    move: useMutation({ mutationFn: (move: DossierMove) => moveDossier(id, move), onSuccess: done }),
    assign: useMutation({
      mutationFn: (assignee: string) =>
        unwrap(campaignApi.POST('/v1/dossiers/{dossier_id}/assign', { params: { path: { dossier_id: id } }, body: { assignee } })),
      onSuccess: done,
    }),
  };
}

// --- files --------------------------------------------------------------------------------------

export { downloadFile, uploadFile } from '@/lib/files';

// --- council ------------------------------------------------------------------------------------

export const useCouncils = () =>
  useQuery({
    queryKey: recognitionKeys.councils,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/council-sessions', { params: { query: { limit: 200 } }, signal })),
  });

export const useCouncil = (id: string) =>
  useQuery({
    queryKey: recognitionKeys.council(id),
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/council-sessions/{session_id}', { params: { path: { session_id: id } }, signal })),
  });

export const useCouncilResults = (id: string) =>
  useQuery({
    queryKey: recognitionKeys.results(id),
    // A live tally while members vote.
    refetchInterval: 15_000,
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/council-sessions/{session_id}/results', { params: { path: { session_id: id } }, signal })),
  });

export function useConvene() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CouncilSessionIn) => unwrap(campaignApi.POST('/v1/council-sessions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recognitionKeys.all }),
  });
}

export function useVote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { dossier_id: string; nominee_index: number; vote: Vote }) =>
      unwrap(campaignApi.POST('/v1/council-sessions/{session_id}/votes', { params: { path: { session_id: sessionId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recognitionKeys.results(sessionId) });
      void queryClient.invalidateQueries({ queryKey: recognitionKeys.tasks });
    },
  });
}

// --- decisions ----------------------------------------------------------------------------------

export const useDecisions = () =>
  useQuery({
    queryKey: recognitionKeys.decisions,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/decisions', { params: { query: { limit: 200 } }, signal })),
  });

/** One decision (its own page). */
export const useDecision = (id: string) =>
  useQuery({
    queryKey: recognitionKeys.decision(id),
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/decisions/{decision_id}', { params: { path: { decision_id: id } }, signal })),
  });

export function useDecisionMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: recognitionKeys.all });
  return {
    issue: useMutation({ mutationFn: (body: DecisionIn) => unwrap(campaignApi.POST('/v1/decisions', { body })), onSuccess: refresh }),
    revoke: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        unwrap(campaignApi.POST('/v1/decisions/{decision_id}/revoke', { params: { path: { decision_id: id } }, body: { reason } })),
      onSuccess: refresh,
    }),
  };
}

export async function downloadDecisionPdf(decision: Pick<DecisionOut, 'id' | 'number'>) {
  const blob = await unwrap(
    campaignApi.GET('/v1/decisions/{decision_id}.pdf', { params: { path: { decision_id: decision.id } }, parseAs: 'blob' }),
  );
  saveBlob(blob, `quyet-dinh-${decision.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`);
}

// --- report forms (Thông tư 02/2023/TT-BNV) -----------------------------------------------------

export const REPORT_FORMS = ['0601', '0602', '0603', '0604', '0605'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

export async function downloadReportForm(form: ReportForm, year: number) {
  const blob = await unwrap(
    campaignApi.GET('/v1/report-forms/{form}.xlsx', { params: { path: { form }, query: { year } }, parseAs: 'blob' }),
  );
  saveBlob(blob, `bieu-${form}-${String(year)}.xlsx`);
}

// --- tasks --------------------------------------------------------------------------------------

export const useMyTasks = (enabled = true) =>
  useQuery({
    queryKey: recognitionKeys.tasks,
    enabled,
    refetchInterval: 60_000,
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/me/tasks', { signal })),
  });
