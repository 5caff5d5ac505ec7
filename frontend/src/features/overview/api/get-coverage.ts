/** The province's training coverage (digital-literacy-api), in total and for this week so far. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';
import { overviewKeys } from './get-active-movements';

export interface CoverageQuery {
  province_code: LiteracySchemas['ProvinceCode'];
  from?: string;
  to?: string;
}

export async function getCoverage(query: CoverageQuery, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/stats/coverage', { params: { query: { ...query, group_by: 'commune' } }, signal }));
}

export const getCoverageQueryOptions = (query: CoverageQuery) =>
  queryOptions({
    queryKey: overviewKeys.coverage(query),
    // No abort signal: see get-active-movements.ts.
    queryFn: () => getCoverage(query),
  });

export const useCoverage = (query: CoverageQuery) => useQuery(getCoverageQueryOptions(query));

/** Monday of the week `today` lies in, and today, as "YYYY-MM-DD" (weeks start on Monday in Vietnam). */
export function thisWeek(today: dayjs.Dayjs = dayjs()): { from: string; to: string } {
  const sinceMonday = (today.day() + 6) % 7;
  return { from: today.subtract(sinceMonday, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}
