import { queryOptions, useQuery } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';

export async function getCompetences({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(literacyApi.GET('/v1/competences', { signal }));
}

export const competenceKeys = { all: ['competences'] as const };

export const getCompetencesQueryOptions = () =>
  queryOptions({
    queryKey: competenceKeys.all,
    queryFn: ({ signal }) => getCompetences({ signal }),
    // The frameworks change with a ministry's circular, not during a visit.
    staleTime: Infinity,
    // Competence code → its name, across frameworks.
    select: (answer) =>
      new Map(
        answer.frameworks.flatMap((framework) =>
          framework.domains.flatMap((domain) => domain.competences.map((competence) => [competence.code, competence.name] as const)),
        ),
      ),
  });

/** Names of the competences by code (the progress gives codes only). */
export const useCompetenceNames = () => useQuery(getCompetencesQueryOptions());
