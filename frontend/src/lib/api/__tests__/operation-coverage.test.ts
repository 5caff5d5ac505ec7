/**
 * Every official-facing API operation is called by some page of the dashboard.
 *
 * Reads the three services' OpenAPI specs (src/lib/api/schema/*.openapi.json, `make gen-client`) and
 * the dashboard's source (the typed openapi-fetch calls carry their path templates, e.g.
 * `campaignApi.GET('/v1/units/{code}', …)`), and fails when an operation is called by no page, unless
 * it is listed below with the reason no page calls it. Adding an exception is one line.
 */
import { describe, expect, it } from 'vitest';
import campaignSpec from '../schema/campaign.openapi.json';
import literacySpec from '../schema/literacy.openapi.json';
import scoringSpec from '../schema/scoring.openapi.json';

type Service = 'campaign' | 'scoring' | 'literacy';
/** `"<service> <METHOD> <path template>"`, e.g. `"campaign GET /v1/units"`. */
type Operation = `${Service} ${string} /${string}`;

/** Operations no page calls, on purpose: one line each, with the reason. */
const NOT_FOR_THE_DASHBOARD: Partial<Record<Operation, string>> = {
  'campaign GET /healthz': 'health probe (the status panel reads it through the plain fetch helper)',
  'campaign GET /readyz': 'readiness probe for the gateway and the process manager',
  'scoring GET /healthz': 'health probe (the status panel reads it through the plain fetch helper)',
  'scoring GET /readyz': 'readiness probe for the gateway and the process manager',
  'literacy GET /healthz': 'health probe (the status panel reads it through the plain fetch helper)',
  'literacy GET /readyz': 'readiness probe for the gateway and the process manager',
  'campaign GET /.well-known/jwks.json': 'the services verify tokens with it; the dashboard never does',
  'campaign GET /v1/auth/revocations': "polled by the services' token verifiers",
  'campaign POST /v1/learner-accounts/{learner_id}/deactivate': "service-to-service: digital-literacy-api's erasure",
  'campaign GET /v1/localities/communes/{code}': 'service-to-service: digital-literacy-api checks a commune code',
  'campaign GET /v1/campaigns/{campaign_id}/kpis': "service-to-service: scoring-api's automatic criteria (the page reads /summary)",
  'campaign POST /v1/auth/password': 'other systems and the API docs; the dashboard has no own-password page yet',
  'literacy POST /v1/learners/match': "service-to-service: campaign-api's learner sign-up",
  'literacy GET /v1/stats/units': "service-to-service: scoring-api's literacy criteria",
  'literacy GET /v1/certificates/{code}.pdf': 'a link (the learner page), not a fetch: the browser opens the PDF',
  'scoring GET /v1/rounds/{round_id}/ranking.csv': 'for other systems; the page offers the .xlsx',
  'campaign GET /v1/campaigns/{campaign_id}/contest-participation': "service-to-service: scoring-api's contest_participation criteria",
  'campaign GET /v1/contests/{contest_id}': "the organiser page reads the movement's contest list, which carries the same fields and actions",
  'campaign GET /v1/contest-rounds/{round_id}': "the organiser page reads the contest's rounds list (the same fields, with live counts)",
  'scoring GET /v1/me/tasks': "service-to-service: campaign-api's inbox gathers it (the dashboard reads campaign's)",
  'literacy GET /xapi/about': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy GET /xapi/statements': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy PUT /xapi/statements': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy POST /xapi/statements': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy GET /xapi/activities': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy GET /xapi/agents': "the xAPI store: learning platforms (Open edX, Moodle) call it",
  'literacy GET /xapi/activities/state': "the xAPI store: learning content and platforms call it",
  'literacy PUT /xapi/activities/state': "the xAPI store: learning content and platforms call it",
  'literacy POST /xapi/activities/state': "the xAPI store: learning content and platforms call it",
  'literacy DELETE /xapi/activities/state': "the xAPI store: learning content and platforms call it",
  'literacy GET /xapi/activities/profile': "the xAPI store: learning content and platforms call it",
  'literacy PUT /xapi/activities/profile': "the xAPI store: learning content and platforms call it",
  'literacy POST /xapi/activities/profile': "the xAPI store: learning content and platforms call it",
  'literacy DELETE /xapi/activities/profile': "the xAPI store: learning content and platforms call it",
  'literacy GET /xapi/agents/profile': "the xAPI store: learning content and platforms call it",
  'literacy PUT /xapi/agents/profile': "the xAPI store: learning content and platforms call it",
  'literacy POST /xapi/agents/profile': "the xAPI store: learning content and platforms call it",
  'literacy DELETE /xapi/agents/profile': "the xAPI store: learning content and platforms call it",
  'literacy GET /v1/actor-links': "for learning platforms mapping their accounts to learners (integrators, the API docs)",
  'literacy POST /v1/actor-links': "for learning platforms mapping their accounts to learners (integrators, the API docs)",
};

/** Official-facing operations whose pages are still to be built (the issue named): remove a line once its page calls it. */
const PAGE_BEING_BUILT: Partial<Record<Operation, string>> = {};

/** The dashboard's typed clients and the service each calls. */
const CLIENTS: Record<string, Service> = {
  campaignApi: 'campaign',
  identityApi: 'campaign',
  scoringApi: 'scoring',
  literacyApi: 'literacy',
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const SPECS: Record<Service, { paths: object }> = { campaign: campaignSpec, scoring: scoringSpec, literacy: literacySpec };

/** The dashboard's source, as text (tests and the generated schema left out). */
const SOURCES = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/__tests__/**', '!/src/**/*.test.{ts,tsx}', '!/src/lib/api/schema/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function specOperations(): Operation[] {
  return (Object.keys(SPECS) as Service[]).flatMap((service) =>
    Object.entries(SPECS[service].paths as Record<string, Partial<Record<string, unknown>>>).flatMap(([template, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => `${service} ${method.toUpperCase()} ${template}` as Operation),
    ),
  );
}

/** `client.METHOD('…'` or `client.METHOD(CONSTANT` (a `const CONSTANT = '…'` of the same file). */
const CALL = /\b(\w+)\.(GET|PUT|POST|PATCH|DELETE)\(\s*(?:(['"`])([^'"`]+)\3|([A-Z_][A-Z0-9_]*)\b)/g;

interface Call {
  operation: Operation;
  file: string;
}

function dashboardCalls(): { calls: Call[]; unknownClients: string[] } {
  const calls: Call[] = [];
  const unknownClients: string[] = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    for (const match of text.matchAll(CALL)) {
      const [, client = '', method = '', , literal, constant] = match;
      const service = CLIENTS[client];
      if (!service) {
        if (client.endsWith('Api')) unknownClients.push(`${client} in ${file}`);
        continue;
      }
      const template =
        literal ?? (constant ? new RegExp(`const ${constant}\\s*=\\s*['"\`]([^'"\`]+)`).exec(text)?.[1] : undefined);
      if (template) calls.push({ operation: `${service} ${method} ${template}` as Operation, file });
    }
  }
  return { calls, unknownClients };
}

describe('operation coverage', () => {
  const operations = specOperations();
  const { calls, unknownClients } = dashboardCalls();
  const called = new Set(calls.map((call) => call.operation));

  it('finds the calls of every typed client (a new client goes into CLIENTS)', () => {
    expect(unknownClients).toEqual([]);
    expect(called.size).toBeGreaterThan(40);
  });

  it('calls only operations the specs have', () => {
    const known = new Set(operations);
    expect(calls.filter((call) => !known.has(call.operation))).toEqual([]);
  });

  it('calls every official-facing operation from some page', () => {
    const uncalled = operations.filter(
      (operation) => !called.has(operation) && !(operation in NOT_FOR_THE_DASHBOARD) && !(operation in PAGE_BEING_BUILT),
    );
    const official = operations.filter((operation) => !(operation in NOT_FOR_THE_DASHBOARD));
    const covered = official.filter((operation) => called.has(operation));
    // The figure for the issue's closing note.
    console.info(
      `operation coverage: ${covered.length} of ${official.length} official-facing operations called by the dashboard ` +
        `(${operations.length} in the specs, ${Object.keys(NOT_FOR_THE_DASHBOARD).length} exceptions, ` +
        `${Object.keys(PAGE_BEING_BUILT).length} pages being built)`,
    );
    expect(uncalled, 'call these from a page, or list them with a reason').toEqual([]);
  });

  it('keeps the lists honest: every entry is an operation of the specs, and no listed operation is called', () => {
    const known = new Set<string>(operations);
    const listed = [...Object.keys(NOT_FOR_THE_DASHBOARD), ...Object.keys(PAGE_BEING_BUILT)];
    expect(listed.filter((operation) => !known.has(operation))).toEqual([]);
    expect(Object.keys(PAGE_BEING_BUILT).filter((operation) => called.has(operation as Operation))).toEqual([]);
  });
});
