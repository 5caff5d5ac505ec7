/** A learner's own account (campaign-api `POST /v1/auth/signup`), and the public check of a certificate. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { campaignApi, literacyApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type SignUp = CampaignSchemas['SignUp'];

export const postSignUp = (body: SignUp) => unwrap(campaignApi.POST('/v1/auth/signup', { body }));

export const useSignUp = () => useMutation({ mutationKey: ['auth', 'sign-up'], mutationFn: postSignUp });

export const getCertificate = (code: string, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(literacyApi.GET('/v1/certificates/{code}', { params: { path: { code } }, signal }));

/** Public: no token needed (the name is masked); an unknown code is a 404. */
export const useCertificate = (code: string) =>
  useQuery({ queryKey: ['certificate', code], queryFn: ({ signal }) => getCertificate(code, { signal }), retry: false });
