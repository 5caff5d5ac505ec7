import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';

/** The directory of units the user reads (the province's tree, at most 500): organisers, participants, names of codes. */
export async function getUnits({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(campaignApi.GET('/v1/units', { params: { query: { limit: 500 } }, signal }));
}

export const getUnitsQueryOptions = () =>
  queryOptions({ queryKey: ['units', 'all'] as const, queryFn: ({ signal }) => getUnits({ signal }), staleTime: 5 * 60_000 });

export const useUnits = () => useQuery(getUnitsQueryOptions());

/** A unit's name from its code, from the cached directory; the code itself until the directory has loaded
 * (or for a unit the caller cannot read). */
export function useUnitName(): (code: string) => string {
  const units = useUnits();
  const names = new Map((units.data?.items ?? []).map((unit) => [unit.code, unit.name]));
  return (code: string) => names.get(code) ?? code;
}
