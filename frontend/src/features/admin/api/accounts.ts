/** Officials' accounts (campaign-api identity): the list, one account with its ETag, create and change. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type Account = CampaignSchemas['AccountOut'];
export type AccountCreate = CampaignSchemas['AccountCreate'];
export type AccountUpdate = CampaignSchemas['AccountUpdate'];
export type OfficialRole = CampaignSchemas['OfficialRole'];

export interface AccountQuery {
  q?: string | undefined;
  role?: CampaignSchemas['Role'] | undefined;
  active?: boolean | undefined;
  offset?: number;
  limit?: number;
}

export interface AccountWithEtag {
  account: Account;
  etag: string | null;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (query: AccountQuery) => [...accountKeys.all, 'list', query] as const,
  detail: (id: string) => [...accountKeys.all, 'detail', id] as const,
};

export const getAccounts = (query: AccountQuery, { signal }: { signal?: AbortSignal } = {}) =>
  unwrap(campaignApi.GET('/v1/accounts', { params: { query }, signal }));

export async function getAccount(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<AccountWithEtag> {
  const result = await campaignApi.GET('/v1/accounts/{account_id}', { params: { path: { account_id: id } }, signal });
  const account = await unwrap(Promise.resolve(result));
  return { account, etag: result.response.headers.get('ETag') };
}

export const postAccount = (body: AccountCreate) => unwrap(campaignApi.POST('/v1/accounts', { body }));

/** A change against the copy read (If-Match): someone else's change meanwhile gives 412. */
export async function patchAccount(id: string, body: AccountUpdate, etag: string | null): Promise<AccountWithEtag> {
  const result = await campaignApi.PATCH('/v1/accounts/{account_id}', {
    params: { path: { account_id: id } },
    body,
    headers: etag ? { 'If-Match': etag } : {},
  });
  const account = await unwrap(Promise.resolve(result));
  return { account, etag: result.response.headers.get('ETag') };
}

export const useAccounts = (query: AccountQuery) =>
  useQuery({
    queryKey: accountKeys.list(query),
    queryFn: ({ signal }) => getAccounts(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useAccount = (id: string | undefined) =>
  useQuery({
    queryKey: accountKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getAccount(id ?? '', { signal }),
    enabled: id !== undefined,
  });

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function usePatchAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: AccountUpdate; etag: string | null }) => patchAccount(id, body, etag),
    onSuccess: async (saved) => {
      queryClient.setQueryData(accountKeys.detail(id), saved);
      await queryClient.invalidateQueries({ queryKey: [...accountKeys.all, 'list'] });
    },
  });
}
