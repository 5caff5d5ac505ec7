import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoRole } from './accounts';
import { expect, test } from './fixtures';

/**
 * Per role, on a scorecard and on a report of ANOTHER unit than the demo manager's (66-SVHTTDL):
 * the dashboard shows no control that the API would refuse. What each role may do is asked of the
 * API with that role's own token (`allowed_actions`, the policy's answer) and compared with what the
 * page shows; on top of that, what must hold whatever the policy's details: a manager of another
 * unit cannot even open the card (the page says it is not found) nor sees the unit's report, and a
 * viewer sees no action at all. The fixtures fail the test on any 4xx answer the page provokes, so
 * a control that answered 403 would fail it too.
 */

const MANAGER_UNIT = DEMO_ACCOUNTS.manager.unitCodes[0] ?? '66-SVHTTDL';
const MOVEMENT_CODE = 'CDS-2025-2030';
const ROLES: DemoRole[] = ['admin', 'manager', 'evaluator', 'council', 'viewer'];

type Headers = Record<string, string>;

async function tokenOf(request: APIRequestContext, role: DemoRole): Promise<Headers> {
  const { username, password } = DEMO_ACCOUNTS[role];
  const response = await request.post('/api/campaign/v1/auth/token', { form: { grant_type: 'password', username, password } });
  expect(response.status(), await response.text()).toBe(200);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

interface OtherUnitsCard {
  id: string;
  unitCode: string;
}

/** A fresh round on the seeded collective set, and the card of a unit that is not the manager's. */
async function otherUnitsScorecard(request: APIRequestContext, admin: Headers, label: string): Promise<OtherUnitsCard> {
  const sets = await request.get('/api/scoring/v1/criteria-sets?subject_type=collective', { headers: admin });
  expect(sets.status(), await sets.text()).toBe(200);
  const published = ((await sets.json()) as { items: { id: string; status: string }[] }).items.find((set) => set.status === 'published');
  expect(published, 'the seed publishes a collective criteria set').toBeDefined();
  const created = await request.post('/api/scoring/v1/rounds', {
    headers: admin,
    data: { criteria_set_id: published?.id, name: `Đợt phân quyền ${label} ${String(Date.now())}`, period_start: '2025-07-01', period_end: '2025-12-31' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const roundId = ((await created.json()) as { id: string }).id;
  const generated = await request.post(`/api/scoring/v1/rounds/${roundId}/scorecards/generate`, { headers: admin });
  expect(generated.status(), await generated.text()).toBe(200);
  const cards = ((await generated.json()) as { items: { id: string; unit_code: string }[] }).items;
  const other = cards.find((card) => card.unit_code !== MANAGER_UNIT);
  expect(other, 'a card of another unit than the manager’s').toBeDefined();
  return { id: other?.id ?? '', unitCode: other?.unit_code ?? '' };
}

interface FiledReports {
  /** The report of a unit that is not the manager's. */
  id: string;
  narrative: string;
  /** The manager's own unit's report, there to know the list has loaded. */
  ownNarrative: string;
}

async function fileReport(request: APIRequestContext, admin: Headers, campaignId: string, unitCode: string, periodEnd: string, narrative: string) {
  const filed = await request.post(`/api/campaign/v1/campaigns/${campaignId}/reports`, {
    headers: admin,
    data: { unit_code: unitCode, period_end: periodEnd, values: {}, narrative },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  return ((await filed.json()) as { id: string }).id;
}

/**
 * The administrator files two reports on the province's movement: one for a participant that is not
 * the manager's unit, one for the manager's unit.
 */
async function fileReports(request: APIRequestContext, admin: Headers, day: number): Promise<FiledReports> {
  const campaigns = await request.get('/api/campaign/v1/campaigns', { headers: admin, params: { limit: 100 } });
  expect(campaigns.status(), await campaigns.text()).toBe(200);
  const movement = ((await campaigns.json()) as { items: { id: string; code: string }[] }).items.find((item) => item.code === MOVEMENT_CODE);
  expect(movement, `the seed has the movement ${MOVEMENT_CODE}`).toBeDefined();
  const campaignId = movement?.id ?? '';
  const participants = await request.get(`/api/campaign/v1/campaigns/${campaignId}/participants`, { headers: admin });
  expect(participants.status(), await participants.text()).toBe(200);
  const other = ((await participants.json()) as { items: { unit_code: string }[] }).items.find((item) => item.unit_code !== MANAGER_UNIT);
  expect(other, 'a participant that is not the manager’s unit').toBeDefined();
  const stamp = `${String(Date.now())}-${String(day)}`;
  const narrative = `Báo cáo của đơn vị khác ${stamp}`;
  const ownNarrative = `Báo cáo của đơn vị mình ${stamp}`;
  const id = await fileReport(request, admin, campaignId, other?.unit_code ?? '', `2026-05-${String(10 + day)}`, narrative);
  await fileReport(request, admin, campaignId, MANAGER_UNIT, `2026-04-${String(10 + day)}`, ownNarrative);
  return { id, narrative, ownNarrative };
}

/** What the API lets `headers`' caller do with `url`, or null when it answers 404 (may not even read it). */
async function allowedActions(request: APIRequestContext, headers: Headers, url: string): Promise<string[] | null> {
  const response = await request.get(url, { headers });
  if (response.status() === 404) return null;
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { allowed_actions?: string[] }).allowed_actions ?? [];
}

/** Tokens live in memory, so a page load signs out: sign in with `next` pointing where to go. */
async function signInTo(page: Page, loginAs: (role: DemoRole) => Promise<unknown>, role: DemoRole, to: string) {
  await page.goto(`/login?next=${encodeURIComponent(to)}`);
  await loginAs(role);
  await expect(page).toHaveURL(to);
}

const CARD_BUTTONS = { submit: 'Gửi thẩm định', review: 'Xác nhận đã thẩm định', approve: 'Phê duyệt', return: 'Trả lại' } as const;

/** A button's accessible name ends with its words (antd puts the icon's name first). */
const endsWith = (words: string) => new RegExp(`${words.replace(/[()]/g, '\\$&')}$`);

async function expectShown(locator: Locator, shown: boolean) {
  if (shown) await expect(locator).toBeVisible();
  else await expect(locator).toHaveCount(0);
}

test.describe('no control that would answer 403', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const [index, role] of ROLES.entries()) {
    test(`a ${role} on another unit’s scorecard and report sees only what the API allows`, async ({ page, loginAs, request, allowHttpError }) => {
      const admin = await tokenOf(request, 'admin');
      const card = await otherUnitsScorecard(request, admin, role);
      const report = await fileReports(request, admin, index);
      const own = await tokenOf(request, role);
      const cardActions = await allowedActions(request, own, `/api/scoring/v1/scorecards/${card.id}`);
      const reportActions = await allowedActions(request, own, `/api/campaign/v1/reports/${report.id}`);

      // Whatever the policy's details, these hold.
      if (role === 'manager') {
        expect(cardActions, 'another unit’s card is hidden from a manager').toBeNull();
        expect(reportActions, 'another unit’s report is hidden from a manager').toBeNull();
      } else {
        expect(cardActions).not.toBeNull();
        expect(reportActions).not.toBeNull();
      }
      if (role === 'viewer') {
        expect(cardActions).toEqual([]);
        expect(reportActions).toEqual([]);
      }
      if (role === 'evaluator' || role === 'council') {
        // A fresh card is a draft: it is the unit's turn, not theirs.
        expect(cardActions).toEqual([]);
      }

      // The scorecard.
      const cardUrl = `/scoring/scorecards/${card.id}`;
      if (cardActions === null) allowHttpError({ status: 404, url: `/api/scoring/v1/scorecards/${card.id}` });
      await signInTo(page, loginAs, role, cardUrl);
      if (cardActions === null) {
        await expect(page.getByRole('alert')).toContainText('Không tìm thấy phiếu chấm điểm này.');
        await expect(page.getByRole('region', { name: 'Tổng điểm' })).toHaveCount(0);
      } else {
        await expect(page.getByRole('region', { name: 'Tổng điểm' }).getByRole('heading')).toBeVisible();
        await expect(page.getByText('Đang tự chấm')).toBeVisible();
      }
      const main = page.getByRole('main');
      for (const [action, name] of Object.entries(CARD_BUTTONS)) {
        await expectShown(main.getByRole('button', { name: endsWith(name) }), cardActions?.includes(action) ?? false);
      }
      const scores = cardActions?.includes('score') ?? false;
      await expectShown(main.getByRole('button', { name: endsWith('Lưu') }), scores);
      if (scores) await expect(main.getByRole('spinbutton').first()).toBeVisible();
      else await expect(main.getByRole('spinbutton')).toHaveCount(0);
      if (role === 'viewer') await expect(main.getByRole('button')).toHaveCount(0);

      // The report, among the movement's reports (moving inside the app: a page load would sign out).
      // (The province's movement is on the list's first page; a search would be cancelled by leaving it at once.)
      await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
      await page.getByRole('link', { name: /Chuyển đổi số” giai đoạn 2025–2030/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /giai đoạn 2025–2030/ })).toBeVisible();
      await page.getByRole('tab', { name: 'Báo cáo' }).click();
      await page.getByRole('radio', { name: 'Tất cả', exact: true }).locator('xpath=ancestor::label[1]').click();
      await expect(page.getByRole('radio', { name: 'Tất cả', exact: true })).toBeChecked();
      // The manager's own unit's report is there for every role: the list has loaded.
      await expect(page.getByRole('row', { name: new RegExp(report.ownNarrative) })).toBeVisible();
      const row = page.getByRole('row', { name: new RegExp(report.narrative) });
      if (reportActions === null) {
        // The list is filtered by the same policy: the manager's own unit's reports only.
        await expect(row).toHaveCount(0);
      } else {
        await expect(row).toContainText('Chờ duyệt');
        await expectShown(row.getByRole('button', { name: /^Chấp nhận báo cáo của/ }), reportActions.includes('accept'));
        await expectShown(row.getByRole('button', { name: /^Trả lại báo cáo của/ }), reportActions.includes('return'));
        if (role === 'viewer') await expect(row.getByRole('button')).toHaveCount(0);
      }
      if (role === 'viewer' || role === 'evaluator' || role === 'council') {
        // Nothing on the movement is theirs to run or file.
        for (const name of ['Sửa', 'Phát động', 'Kết thúc', 'Gửi báo cáo']) {
          await expect(page.getByRole('button', { name: endsWith(name) })).toHaveCount(0);
        }
      }
    });
  }
});
