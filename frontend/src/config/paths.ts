/** Route paths, shared by the router, the menu and links. */
export const paths = {
  home: '/',
  login: '/login',
  movements: '/movements',
  movementNew: '/movements/new',
  scoring: '/scoring',
  scoringCriteriaSets: '/scoring/criteria-sets',
  scoringRounds: '/scoring/rounds',
  scoringScorecards: '/scoring/scorecards',
  indices: '/indices',
  literacy: '/literacy',
  literacyLearners: '/literacy/learners',
  literacyCourses: '/literacy/courses',
  literacyImports: '/literacy/imports',
  accounts: '/accounts',
  units: '/units',
  apiClients: '/api-clients',
  signup: '/signup',
  verify: '/verify',
  me: '/me',
  recognition: '/recognition',
  tasks: '/tasks',
  /** The public contest page: register and take the open round (no sign-in). */
  contestPlay: '/contests/:contestId/play',
} as const;

/**
 * Where to go after signing in: `next` when it is a path of this app (never an
 * absolute or protocol-relative URL, which would make the login page an open redirect).
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next === paths.login || next.startsWith(`${paths.login}?`)) return undefined;
  return next;
}

/** A movement's detail page, and its edit page. */
export const movementPath = (campaignId: string) => `${paths.movements}/${encodeURIComponent(campaignId)}`;
export const movementEditPath = (campaignId: string) => `${movementPath(campaignId)}/edit`;
/** A movement's online contests (organiser page), and one round of its initiative judging. */
export const movementContestsPath = (campaignId: string) => `${movementPath(campaignId)}/contests`;
export const judgingPath = (campaignId: string, judgingId: string) =>
  `${movementPath(campaignId)}/judgings/${encodeURIComponent(judgingId)}`;
/** The public page of a contest. */
export const contestPlayPath = (contestId: string) => paths.contestPlay.replace(':contestId', encodeURIComponent(contestId));

/** One learner's page (the literacy pages). */
export const learnerPath = (learnerId: string) => `${paths.literacyLearners}/${encodeURIComponent(learnerId)}`;

/** The public page a certificate's QR code opens. */
export const verifyPath = (code: string) => `${paths.verify}/${encodeURIComponent(code)}`;

/** The recognition section's pages: a section (registrations, dossiers, council, decisions, forms), a dossier, a council session. */
export const recognitionPath = (section: string) => `${paths.recognition}/${section}`;
export const dossierPath = (dossierId: string) => `${paths.recognition}/dossiers/${encodeURIComponent(dossierId)}`;
export const registrationPath = (registrationId: string) =>
  `${paths.recognition}/registrations/${encodeURIComponent(registrationId)}`;
export const decisionPath = (decisionId: string) => `${paths.recognition}/decisions/${encodeURIComponent(decisionId)}`;
export const councilPath = (sessionId: string) => `${paths.recognition}/council/${encodeURIComponent(sessionId)}`;
