/** API clients (other systems calling the API): the list, registration (the secret comes back once), a change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';

export type ApiClient = CampaignSchemas['ClientOut'];
export type ApiClientCreate = CampaignSchemas['ClientCreate'];
export type ApiClientCreated = CampaignSchemas['ClientCreated'];
export type Scope = CampaignSchemas['Scope'];
export type ApiClientUpdate = CampaignSchemas['ClientUpdate'];

const clientKeys = { all: ['api-clients'] as const };

export const getClients = ({ signal }: { signal?: AbortSignal } = {}) =>
  unwrap(campaignApi.GET('/v1/clients', { params: { query: { limit: 200 } }, signal }));

export const postClient = (body: ApiClientCreate) => unwrap(campaignApi.POST('/v1/clients', { body }));

export const useClients = () => useQuery({ queryKey: clientKeys.all, queryFn: ({ signal }) => getClients({ signal }) });

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: postClient, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }) });
}

export const patchClient = (clientId: string, body: ApiClientUpdate) =>
  unwrap(campaignApi.PATCH('/v1/clients/{client_id}', { params: { path: { client_id: clientId } }, body }));

/** Rename, re-scope, deactivate or reactivate a client. */
export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, body }: { clientId: string; body: ApiClientUpdate }) => patchClient(clientId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
}
