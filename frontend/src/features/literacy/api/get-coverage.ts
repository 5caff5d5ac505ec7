import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type CoverageReport = LiteracySchemas['CoverageReport'];
export type CoverageItem = LiteracySchemas['CoverageItem'];
export type CoverageGroupBy = LiteracySchemas['GroupBy'];

export interface CoverageQuery {
  group_by: CoverageGroupBy;
  province_code?: LiteracySchemas['ProvinceCode'];
  commune_code?: LiteracySchemas['CommuneCode'];
  /** "YYYY-MM-DD", both ends included. */
  from?: string;
  to?: string;
}

export async function getCoverage(query: CoverageQuery, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/stats/coverage', { params: { query }, signal }));
}

export const coverageKeys = {
  all: ['literacy', 'coverage'] as const,
  report: (query: CoverageQuery) => [...coverageKeys.all, query] as const,
};

export const getCoverageQueryOptions = (query: CoverageQuery) =>
  queryOptions({
    queryKey: coverageKeys.report(query),
    queryFn: ({ signal }) => getCoverage(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useCoverage = (query: CoverageQuery) => useQuery(getCoverageQueryOptions(query));
