import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type TrainingClass = LiteracySchemas['ClassOut'];
export type VenueType = LiteracySchemas['VenueType'];

export interface ClassQuery {
  course_code?: string;
  commune_code?: LiteracySchemas['CommuneCode'];
  limit?: number;
  offset?: number;
}

export async function getClasses(query: ClassQuery, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/classes', { params: { query }, signal }));
}

export const classKeys = {
  all: ['literacy', 'classes'] as const,
  list: (query: ClassQuery) => [...classKeys.all, query] as const,
};

export const getClassesQueryOptions = (query: ClassQuery) =>
  queryOptions({
    queryKey: classKeys.list(query),
    queryFn: ({ signal }) => getClasses(query, { signal }),
    placeholderData: keepPreviousData,
  });

export const useClasses = (query: ClassQuery) => useQuery(getClassesQueryOptions(query));
