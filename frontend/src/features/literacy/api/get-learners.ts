import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';

export type Learner = LiteracySchemas['LearnerOut'];
export type LearnerCategory = LiteracySchemas['Category'];

export interface LearnerQuery {
  /** Name, matched without diacritics ("nguyen van" finds "Nguyễn Văn"). */
  q?: string;
  category?: LearnerCategory;
  commune_code?: LiteracySchemas['CommuneCode'];
  /** The opaque cursor of the page (none: the first page). */
  cursor?: string;
  limit?: number;
}

export async function getLearners(query: LearnerQuery, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/learners', { params: { query }, signal }));
}

export const learnerKeys = {
  all: ['literacy', 'learners'] as const,
  list: (query: LearnerQuery) => [...learnerKeys.all, query] as const,
};

export const getLearnersQueryOptions = (query: LearnerQuery) =>
  queryOptions({
    queryKey: learnerKeys.list(query),
    queryFn: ({ signal }) => getLearners(query, { signal }),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export const useLearners = (query: LearnerQuery) => useQuery(getLearnersQueryOptions(query));
