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
