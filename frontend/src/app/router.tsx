import { createBrowserRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { RequireAuth, RequireRole } from './guards';
import { LITERACY_PAGE_ROLES, access } from './navigation';
import { AppShell } from './routes/app-shell';
import { PublicLayout } from './routes/public-layout';
import { RouteError } from './routes/route-error';

/**
 * Route table. Pages are loaded lazily. Signed-in pages sit under RequireAuth
 * and the shell; each section under RequireRole with its roles from
 * navigation.tsx (add a section's sub-pages as children of its guard).
 * The catch-all renders the 404 page, since the gateway answers every deep link with index.html.
 */
export const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoader,
    children: [
      {
        Component: PublicLayout,
        children: [
          {
            path: paths.login,
            lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }),
          },
          {
            path: paths.contestPlay,
            lazy: async () => ({ Component: (await import('./routes/contest-play')).ContestPlayRoute }),
          },
          {
            path: paths.signup,
            lazy: async () => ({ Component: (await import('./routes/signup')).SignUpRoute }),
          },
          {
            path: `${paths.verify}/:code`,
            lazy: async () => ({ Component: (await import('./routes/verify')).VerifyRoute }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
          },
        ],
      },
      {
        Component: RequireAuth,
        children: [
          {
            Component: AppShell,
            children: [
              {
                element: <RequireRole roles={access.overview} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/overview')).OverviewRoute }),
                  },
                ],
              },
              {
                path: paths.movements,
                element: <RequireRole roles={access.movements} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/movements')).MovementsRoute }),
                  },
                  {
                    // The pages themselves show the form only when the list allows `create` / the movement `edit`.
                    path: 'new',
                    lazy: async () => ({ Component: (await import('./routes/movement-new')).MovementNewRoute }),
                  },
                  {
                    path: ':campaignId/edit',
                    lazy: async () => ({ Component: (await import('./routes/movement-edit')).MovementEditRoute }),
                  },
                  {
                    path: ':campaignId',
                    lazy: async () => ({ Component: (await import('./routes/movement-detail')).MovementDetailRoute }),
                  },
                  {
                    path: ':campaignId/contests',
                    lazy: async () => ({ Component: (await import('./routes/movement-contests')).MovementContestsRoute }),
                  },
                  {
                    path: ':campaignId/judgings/:judgingId',
                    lazy: async () => ({ Component: (await import('./routes/movement-judging')).MovementJudgingRoute }),
                  },
                ],
              },
              {
                path: paths.recognition,
                element: <RequireRole roles={access.recognition} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/recognition')).RecognitionRoute }),
                  },
                  {
                    path: 'dossiers/:dossierId',
                    lazy: async () => ({ Component: (await import('./routes/recognition-dossier')).DossierRoute }),
                  },
                  {
                    path: 'registrations/:registrationId',
                    lazy: async () => ({ Component: (await import('./routes/recognition-registration')).RegistrationRoute }),
                  },
                  {
                    path: 'decisions/:decisionId',
                    lazy: async () => ({ Component: (await import('./routes/recognition-decision')).DecisionRoute }),
                  },
                  {
                    path: 'council/:sessionId',
                    lazy: async () => ({ Component: (await import('./routes/recognition-council')).CouncilSessionRoute }),
                  },
                  {
                    path: ':section',
                    lazy: async () => ({ Component: (await import('./routes/recognition')).RecognitionRoute }),
                  },
                ],
              },
              {
                path: paths.tasks,
                element: <RequireRole roles={access.tasks} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/tasks')).TasksRoute }),
                  },
                ],
              },
              {
                path: paths.indices,
                element: <RequireRole roles={access.indices} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/indices')).IndicesRoute }),
                  },
                ],
              },
              {
                path: paths.scoring,
                element: <RequireRole roles={access.scoring} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/scoring')).ScoringRoute }),
                  },
                  {
                    path: 'criteria-sets/:setId',
                    lazy: async () => ({ Component: (await import('./routes/scoring-criteria-set')).CriteriaSetRoute }),
                  },
                  {
                    path: 'rounds/:roundId',
                    lazy: async () => ({ Component: (await import('./routes/scoring-round')).RoundRoute }),
                  },
                  {
                    path: 'scorecards/:scorecardId',
                    lazy: async () => ({ Component: (await import('./routes/scoring-scorecard')).ScorecardRoute }),
                  },
                ],
              },
              {
                path: paths.literacy,
                element: <RequireRole roles={access.literacy} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/literacy')).LiteracyRoute }),
                  },
                  {
                    element: <RequireRole roles={LITERACY_PAGE_ROLES.learners} />,
                    children: [
                      {
                        path: paths.literacyLearners,
                        lazy: async () => ({ Component: (await import('./routes/literacy-learners')).LiteracyLearnersRoute }),
                      },
                      {
                        path: `${paths.literacyLearners}/:learnerId`,
                        lazy: async () => ({ Component: (await import('./routes/literacy-learner')).LiteracyLearnerRoute }),
                      },
                    ],
                  },
                  {
                    path: paths.literacyCourses,
                    lazy: async () => ({ Component: (await import('./routes/literacy-courses')).LiteracyCoursesRoute }),
                  },
                  {
                    element: <RequireRole roles={LITERACY_PAGE_ROLES.imports} />,
                    children: [
                      {
                        path: paths.literacyImports,
                        lazy: async () => ({ Component: (await import('./routes/literacy-imports')).LiteracyImportsRoute }),
                      },
                    ],
                  },
                ],
              },
              {
                path: paths.accounts,
                element: <RequireRole roles={access.accounts} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/accounts')).AccountsRoute }),
                  },
                ],
              },
              {
                path: paths.units,
                element: <RequireRole roles={access.units} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/units')).UnitsRoute }),
                  },
                ],
              },
              {
                path: paths.apiClients,
                element: <RequireRole roles={access.apiClients} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/api-clients')).ApiClientsRoute }),
                  },
                ],
              },
              {
                path: paths.me,
                element: <RequireRole roles={access.me} />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/me')).MyProgressRoute }),
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
