import { queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type Course = LiteracySchemas['CourseOut'];

export async function getCourses({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/courses', { params: { query: { limit: 500 } }, signal }));
}

export const courseKeys = { all: ['literacy', 'courses'] as const };

export const getCoursesQueryOptions = () =>
  queryOptions({ queryKey: courseKeys.all, queryFn: ({ signal }) => getCourses({ signal }), staleTime: 5 * 60_000 });

export const useCourses = () => useQuery(getCoursesQueryOptions());
