/** Query keys of the scoring feature: mutations invalidate by these. */
export const scoringKeys = {
  all: ['scoring'] as const,
  criteriaSets: () => [...scoringKeys.all, 'criteria-sets'] as const,
  criteriaSet: (id: string) => [...scoringKeys.criteriaSets(), id] as const,
  rounds: () => [...scoringKeys.all, 'rounds'] as const,
  round: (id: string) => [...scoringKeys.rounds(), id] as const,
  scorecards: (roundId: string) => [...scoringKeys.round(roundId), 'scorecards'] as const,
  ranking: (roundId: string) => [...scoringKeys.round(roundId), 'ranking'] as const,
  proposals: (roundId: string) => [...scoringKeys.round(roundId), 'proposals'] as const,
  scorecard: (id: string) => [...scoringKeys.all, 'scorecard', id] as const,
  history: (id: string) => [...scoringKeys.scorecard(id), 'history'] as const,
};
