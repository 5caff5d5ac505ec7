import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';
import { attachmentName, saveBlob } from '@/lib/save-blob';

export type ContestOut = CampaignSchemas['ContestOut'];
export type RoundOut = CampaignSchemas['RoundOut'];
export type UnitResult = CampaignSchemas['UnitResult'];
export type Flag = CampaignSchemas['Flag'];

export const useCampaignContests = (campaignId: string | undefined) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'contests'],
    enabled: Boolean(campaignId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/campaigns/{campaign_id}/contests', {
          params: { path: { campaign_id: campaignId ?? '' }, query: { limit: 100 } },
          signal,
        }),
      ),
  });

export type ContestCreate = CampaignSchemas['ContestCreate'];
export type ContestUpdate = CampaignSchemas['ContestUpdate'];

const contestsKey = (campaignId: string) => ['campaigns', campaignId, 'contests'] as const;

/** The movement, for what the user may do in it (`add_contest`, `add_judging`). */
export const useCampaignActions = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'for-contests'],
    queryFn: ({ signal }) => unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: campaignId } }, signal })),
  });

/** The units taking part in the movement (what a contest's unit list chooses from). */
export const useCampaignParticipants = (campaignId: string) =>
  useQuery({
    queryKey: ['campaigns', campaignId, 'participants'],
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}/participants', { params: { path: { campaign_id: campaignId } }, signal })),
  });

/** Creating a contest in the movement and editing a contest's settings. */
export function useContestSettings(campaignId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: contestsKey(campaignId) });
  return {
    create: useMutation({
      mutationFn: (body: ContestCreate) =>
        unwrap(campaignApi.POST('/v1/campaigns/{campaign_id}/contests', { params: { path: { campaign_id: campaignId } }, body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ContestUpdate }) =>
        unwrap(campaignApi.PATCH('/v1/contests/{contest_id}', { params: { path: { contest_id: id } }, body })),
      onSuccess: refresh,
    }),
  };
}

export const useContestRounds = (contestId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'rounds'] as const,
    // Live counts of attempts started and submitted: refreshed while the page is open.
    refetchInterval: 30_000,
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/rounds', { params: { path: { contest_id: contestId } }, signal })),
  });

export const useContestUnits = (contestId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'units'],
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/units', { params: { path: { contest_id: contestId } }, signal })),
  });

export const useRoundResults = (roundId: string | undefined) =>
  useQuery({
    queryKey: ['contest-rounds', roundId, 'results'],
    enabled: Boolean(roundId),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/contest-rounds/{round_id}/results', {
          params: { path: { round_id: roundId ?? '' }, query: { limit: 50 } },
          signal,
        }),
      ),
  });

export const useContestFlags = (contestId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['contests', contestId, 'flags'],
    enabled,
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/flags', { params: { path: { contest_id: contestId } }, signal })),
  });

export type QuestionOut = CampaignSchemas['QuestionOut'];
export type QuestionIn = CampaignSchemas['QuestionIn'];
export type RoundCreate = CampaignSchemas['RoundCreate'];
export type RoundUpdate = CampaignSchemas['RoundUpdate'];
export type ImportResult = CampaignSchemas['ImportResult'];

export const contestKeys = {
  questions: (contestId: string) => ['contests', contestId, 'questions'] as const,
  rounds: (contestId: string) => ['contests', contestId, 'rounds'] as const,
};

/** The bank with its keys (those who run the contest: `manage_questions`). */
export const useContestQuestions = (contestId: string, enabled: boolean) =>
  useQuery({
    queryKey: contestKeys.questions(contestId),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/contests/{contest_id}/questions', {
          params: { path: { contest_id: contestId }, query: { limit: 500 } },
          signal,
        }),
      ),
  });

/** Uploads the filled template: every row imported, or none (the answer lists the bad rows). */
export async function importQuestions(contestId: string, file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(
    campaignApi.POST('/v1/contests/{contest_id}/questions/import', {
      params: { path: { contest_id: contestId } },
      // The generated type says `string` for a binary part; a FormData body goes out as multipart.
      body: body as unknown as { file: string },
      bodySerializer: (form) => form as unknown as FormData,
    }),
  );
}

async function saveAnswer(result: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string) {
  const answer = await result;
  const blob = await unwrap(Promise.resolve(answer));
  saveBlob(blob, attachmentName(answer.response, fallback));
}

export const downloadQuestionsTemplate = (contestId: string) =>
  saveAnswer(
    campaignApi.GET('/v1/contests/{contest_id}/questions/template.xlsx', {
      params: { path: { contest_id: contestId } },
      parseAs: 'blob',
    }),
    'mau-ngan-hang-cau-hoi.xlsx',
  );

export const downloadUnitsSheet = (contestId: string) =>
  saveAnswer(
    campaignApi.GET('/v1/contests/{contest_id}/units.xlsx', { params: { path: { contest_id: contestId } }, parseAs: 'blob' }),
    'ty-le-tham-gia.xlsx',
  );

export const downloadResultsSheet = (roundId: string) =>
  saveAnswer(
    campaignApi.GET('/v1/contest-rounds/{round_id}/results.xlsx', {
      params: { path: { round_id: roundId }, query: { limit: 500 } },
      parseAs: 'blob',
    }),
    'ket-qua.xlsx',
  );

/** Adding, correcting and removing questions of the bank, and importing the template. */
export function useQuestionMutations(contestId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: contestKeys.questions(contestId) });
  return {
    add: useMutation({
      mutationFn: (body: QuestionIn) =>
        unwrap(campaignApi.POST('/v1/contests/{contest_id}/questions', { params: { path: { contest_id: contestId } }, body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: QuestionIn }) =>
        unwrap(campaignApi.PATCH('/v1/questions/{question_id}', { params: { path: { question_id: id } }, body })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        unwrap(campaignApi.DELETE('/v1/questions/{question_id}', { params: { path: { question_id: id } } })),
      onSuccess: refresh,
    }),
    importFile: useMutation({
      mutationFn: (file: File) => importQuestions(contestId, file),
      onSuccess: refresh,
    }),
  };
}

/** Adding and moving rounds, and opening and closing the contest. */
export function useContestMutations(contest: ContestOut) {
  const queryClient = useQueryClient();
  const contestId = contest.id;
  return {
    addRound: useMutation({
      mutationFn: (body: RoundCreate) =>
        unwrap(campaignApi.POST('/v1/contests/{contest_id}/rounds', { params: { path: { contest_id: contestId } }, body })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.rounds(contestId) }),
    }),
    updateRound: useMutation({
      mutationFn: ({ id, body }: { id: string; body: RoundUpdate }) =>
        unwrap(campaignApi.PATCH('/v1/contest-rounds/{round_id}', { params: { path: { round_id: id } }, body })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: contestKeys.rounds(contestId) }),
    }),
    transition: useMutation({
      mutationFn: (to: 'open' | 'close') =>
        to === 'open'
          ? unwrap(campaignApi.POST('/v1/contests/{contest_id}/open', { params: { path: { contest_id: contestId } } }))
          : unwrap(campaignApi.POST('/v1/contests/{contest_id}/close', { params: { path: { contest_id: contestId } } })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', contest.campaign_id, 'contests'] }),
    }),
  };
}
