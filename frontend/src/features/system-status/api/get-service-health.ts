import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Backend services behind the gateway that expose GET /api/<service>/healthz. */
export const SERVICES = ['campaign', 'scoring', 'literacy'] as const;
export type Service = (typeof SERVICES)[number];

export interface ServiceHealth {
  status: 'ok';
}

/**
 * Asks one service for its health. Resolves only when it answers 2xx with
 * `{"status":"ok"}`; any other answer or a network failure rejects.
 */
export async function getServiceHealth(
  service: Service,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ServiceHealth> {
  const body = await api.get<unknown>(`/${service}/healthz`, signal ? { signal } : {});
  if (typeof body === 'object' && body !== null && 'status' in body && body.status === 'ok') {
    return { status: 'ok' };
  }
  throw new Error(`Unexpected health answer from the ${service} service.`);
}

export const serviceHealthKeys = {
  all: ['service-health'] as const,
  service: (service: Service) => [...serviceHealthKeys.all, service] as const,
};

export function getServiceHealthQueryOptions(service: Service) {
  return queryOptions({
    queryKey: serviceHealthKeys.service(service),
    queryFn: ({ signal }) => getServiceHealth(service, { signal }),
    // Report what the service answers now; the next poll corrects a blip.
    retry: false,
    staleTime: 0,
    refetchInterval: 30_000,
  });
}

export function useServiceHealth(service: Service) {
  return useQuery(getServiceHealthQueryOptions(service));
}
