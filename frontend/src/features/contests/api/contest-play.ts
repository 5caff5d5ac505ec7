import { useMutation, useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type PublicContest = CampaignSchemas['PublicContest'];
export type Registration = CampaignSchemas['Registration'];
export type AttemptStarted = CampaignSchemas['AttemptStarted'];
export type AttemptOut = CampaignSchemas['AttemptOut'];
export type Answer = CampaignSchemas['Answer'];

const holder = (token: string) => ({ 'X-Participant-Token': token });

export const usePublicContest = (contestId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'public'],
    queryFn: ({ signal }) =>
      unwrap(campaignApi.GET('/v1/contests/{contest_id}/public', { params: { path: { contest_id: contestId } }, signal })),
  });

export const useRegister = (contestId: string) =>
  useMutation({
    mutationFn: (body: Registration) =>
      unwrap(campaignApi.POST('/v1/contests/{contest_id}/participants', { params: { path: { contest_id: contestId } }, body })),
  });

/** An official or a learner joins with their own account, choosing their unit (the session's token goes with it). */
export const useJoin = (contestId: string) =>
  useMutation({
    mutationFn: (unitCode: string) =>
      unwrap(campaignApi.POST('/v1/contests/{contest_id}/join', { params: { path: { contest_id: contestId } }, body: { unit_code: unitCode } })),
  });

/** An attempt read again: its score, and the correct keys with explanations once its round has closed. */
export const useAttempt = (attemptId: string | null, token: string | null) =>
  useQuery({
    queryKey: ['attempts', attemptId],
    enabled: Boolean(attemptId && token),
    queryFn: ({ signal }) =>
      unwrap(
        campaignApi.GET('/v1/attempts/{attempt_id}', {
          params: { path: { attempt_id: attemptId ?? '' } },
          headers: holder(token ?? ''),
          signal,
        }),
      ),
  });

export const useStartAttempt = (token: string | null) =>
  useMutation({
    mutationFn: (roundId: string) =>
      unwrap(
        campaignApi.POST('/v1/contest-rounds/{round_id}/attempts', {
          params: { path: { round_id: roundId } },
          headers: holder(token ?? ''),
        }),
      ),
  });

export const useSaveAnswers = (token: string | null) =>
  useMutation({
    mutationFn: ({ attemptId, answers, prediction }: { attemptId: string; answers: Answer[]; prediction?: number | null }) =>
      unwrap(
        campaignApi.PUT('/v1/attempts/{attempt_id}/answers', {
          params: { path: { attempt_id: attemptId } },
          headers: holder(token ?? ''),
          body: { answers, prediction: prediction ?? null },
        }),
      ),
  });

export const useSubmitAttempt = (token: string | null) =>
  useMutation({
    mutationFn: (attemptId: string) =>
      unwrap(
        campaignApi.POST('/v1/attempts/{attempt_id}/submit', {
          params: { path: { attempt_id: attemptId } },
          headers: holder(token ?? ''),
        }),
      ),
  });
