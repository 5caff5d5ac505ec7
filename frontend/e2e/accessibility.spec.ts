/**
 * axe-core on every page of the dashboard, on a desktop (1366 px) and a phone (360 px): no serious
 * or critical violation (WCAG 2.1 A and AA rules). Each page is checked once it has loaded.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import type { DemoRole } from './accounts';
import { expect, test } from './fixtures';
import { adminHeaders } from './literacy-api';

interface Ids {
  campaignId: string;
  setId: string;
  roundId: string | undefined;
  scorecardId: string | undefined;
  learnerId: string | undefined;
  contestId: string | undefined;
  judgingId: string | undefined;
  registrationId: string | undefined;
  dossierId: string | undefined;
  sessionId: string | undefined;
  decisionId: string | undefined;
}

async function firstId(request: APIRequestContext, url: string, headers: Record<string, string>): Promise<string | undefined> {
  const response = await request.get(url, { headers });
  expect(response.status(), url).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items[0]?.id;
}

async function seededIds(request: APIRequestContext): Promise<Ids> {
  const headers = await adminHeaders(request);
  const campaignId = (await firstId(request, '/api/campaign/v1/campaigns?limit=1', headers)) ?? '';
  const setId = (await firstId(request, '/api/scoring/v1/criteria-sets?limit=1', headers)) ?? '';
  const roundId = await firstId(request, '/api/scoring/v1/rounds?limit=1', headers);
  const scorecardId = roundId ? await firstId(request, `/api/scoring/v1/rounds/${roundId}/scorecards?limit=1`, headers) : undefined;
  const learnerId = await firstId(request, '/api/literacy/v1/learners?limit=1', headers);
  const campaign = `/api/campaign/v1/campaigns/${campaignId}`;
  return {
    campaignId,
    setId,
    roundId,
    scorecardId,
    learnerId,
    contestId: await firstId(request, `${campaign}/contests?limit=1`, headers),
    judgingId: await firstId(request, `${campaign}/initiative-judgings?limit=1`, headers),
    registrationId: await firstId(request, `${campaign}/registrations?limit=1`, headers),
    dossierId: await firstId(request, '/api/campaign/v1/dossiers?limit=1', headers),
    sessionId: await firstId(request, '/api/campaign/v1/council-sessions?limit=1', headers),
    decisionId: await firstId(request, '/api/campaign/v1/decisions?limit=1', headers),
  };
}

function officialPages(ids: Ids): string[] {
  return [
    '/',
    '/movements',
    '/movements/new',
    `/movements/${ids.campaignId}`,
    `/movements/${ids.campaignId}/edit`,
    `/movements/${ids.campaignId}/contests`,
    ...(ids.judgingId ? [`/movements/${ids.campaignId}/judgings/${ids.judgingId}`] : []),
    '/recognition',
    '/recognition/registrations',
    '/recognition/dossiers',
    '/recognition/council',
    '/recognition/decisions',
    ...(ids.registrationId ? [`/recognition/registrations/${ids.registrationId}`] : []),
    ...(ids.dossierId ? [`/recognition/dossiers/${ids.dossierId}`] : []),
    ...(ids.sessionId ? [`/recognition/council/${ids.sessionId}`] : []),
    ...(ids.decisionId ? [`/recognition/decisions/${ids.decisionId}`] : []),
    '/tasks',
    '/indices',
    '/scoring',
    `/scoring/criteria-sets/${ids.setId}`,
    ...(ids.roundId ? [`/scoring/rounds/${ids.roundId}`] : []),
    ...(ids.scorecardId ? [`/scoring/scorecards/${ids.scorecardId}`] : []),
    '/literacy',
    '/literacy/learners',
    ...(ids.learnerId ? [`/literacy/learners/${ids.learnerId}`] : []),
    '/literacy/courses',
    '/literacy/imports',
    '/units',
    '/accounts',
    '/api-clients',
    '/no-such-page',
  ];
}

const PUBLIC_PAGES = ['/login', '/signup', '/verify/AAAA-BBBB-CCCC-DDDD'];

async function violations(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Loaded: no spinner left (the page's queries have answered).
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${url}: ${violation.id} (${violation.impact ?? ''}) ${violation.help}: ` +
        violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | '),
    );
}

for (const [label, viewport] of [
  ['1366 px', { width: 1366, height: 900 }],
  ['360 px', { width: 360, height: 740 }],
] as const) {
  test.describe(`axe at ${label}`, () => {
    test.use({ viewport });

    test('the public pages', async ({ page, allowHttpError }) => {
      allowHttpError({ status: 404, url: '/api/literacy/v1/certificates/' });
      const found: string[] = [];
      for (const url of PUBLIC_PAGES) found.push(...(await violations(page, url)));
      expect(found).toEqual([]);
    });

    test('every page an administrator opens', async ({ page, loginAs, request }) => {
      // About thirty pages, each loaded and analysed: minutes on a busy machine (the deadline only stops a broken run).
      test.setTimeout(900_000);
      const ids = await seededIds(request);
      await loginAs('admin' satisfies DemoRole);
      const found: string[] = [];
      for (const url of officialPages(ids)) found.push(...(await violations(page, url)));
      expect(found).toEqual([]);
    });

    test("a learner's page", async ({ page, loginAs }) => {
      await loginAs('learner');
      expect(await violations(page, '/me')).toEqual([]);
    });
  });
}
