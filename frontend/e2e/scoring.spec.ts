import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoRole } from './accounts';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';

/**
 * A scorecard's whole life in the browser: the unit's manager self-assesses and submits, an
 * evaluator reviews, the council approves, and the unit then ranks as final (not provisional).
 * The round is opened and its scorecards generated through the API (on the seeded collective
 * criteria set, whose campaign has the manager's unit 66-SVHTTDL as a participant).
 */

const UNIT = DEMO_ACCOUNTS.manager.unitCodes[0] ?? '66-SVHTTDL';
const UNIT_NAME = 'Sở Văn hóa, Thể thao và Du lịch';

interface Prepared {
  roundId: string;
  roundName: string;
  scorecardId: string;
  cluster: string;
}

async function prepareRound(request: APIRequestContext): Promise<Prepared> {
  const { username, password } = DEMO_ACCOUNTS.admin;
  const token = await request.post('/api/campaign/v1/auth/token', { form: { grant_type: 'password', username, password } });
  expect(token.status(), await token.text()).toBe(200);
  const headers = { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };

  const sets = await request.get('/api/scoring/v1/criteria-sets?subject_type=collective', { headers });
  expect(sets.status(), await sets.text()).toBe(200);
  const published = ((await sets.json()) as { items: { id: string; status: string }[] }).items.find(
    (set) => set.status === 'published',
  );
  expect(published, 'the seed publishes a collective criteria set').toBeDefined();

  const roundName = `Đợt kiểm thử ${String(Date.now())}`;
  const created = await request.post('/api/scoring/v1/rounds', {
    headers,
    data: { criteria_set_id: published?.id, name: roundName, period_start: '2025-07-01', period_end: '2025-12-31' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const roundId = ((await created.json()) as { id: string }).id;

  const generated = await request.post(`/api/scoring/v1/rounds/${roundId}/scorecards/generate`, { headers });
  expect(generated.status(), await generated.text()).toBe(200);
  const scorecards = ((await generated.json()) as { items: { id: string; unit_code: string; cluster: string | null }[] }).items;
  const mine = scorecards.find((scorecard) => scorecard.unit_code === UNIT);
  expect(mine, `a scorecard for ${UNIT}`).toBeDefined();
  return { roundId, roundName, scorecardId: mine?.id ?? '', cluster: mine?.cluster ?? '' };
}

/** Tokens live in memory, so a page load signs out: sign in with `next` pointing where to go. */
async function signInTo(page: Page, loginAs: (role: DemoRole) => Promise<unknown>, role: DemoRole, to: string) {
  await page.goto(`/login?next=${encodeURIComponent(to)}`);
  await loginAs(role);
  await expect(page).toHaveURL(to);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);
}

const totalHeading = (page: Page) => page.getByRole('region', { name: 'Tổng điểm' }).getByRole('heading');

test.describe('scoring', () => {
  test('a scorecard goes from self-assessment to approval and ranks as final', async ({ page, loginAs, request }) => {
    test.setTimeout(180_000);
    const prepared = await prepareRound(request);
    const scorecardUrl = `/scoring/scorecards/${prepared.scorecardId}`;

    // The unit's manager self-assesses; the totals follow as they type.
    await signInTo(page, loginAs, 'manager', '/scoring');
    await page.getByRole('link', { name: prepared.roundName }).click();
    await expect(page.getByRole('heading', { level: 1, name: prepared.roundName })).toBeVisible();
    await page.getByRole('link', { name: UNIT_NAME }).click();
    await expect(page).toHaveURL(scorecardUrl);
    await expect(page.getByRole('heading', { level: 1, name: `Phiếu chấm điểm: ${UNIT_NAME}` })).toBeVisible();
    await expect(page.getByText('Đang tự chấm')).toBeVisible();
    await expect(totalHeading(page)).toHaveText('Tổng điểm: 0 / 100');

    const self = (code: string) => page.getByLabel(new RegExp(`^Điểm tự chấm, tiêu chí ${code.replace('.', '\\.')} `));
    // An out-of-range score is refused before anything is sent.
    await self('1.1').fill('16');
    await expect(page.getByText('Điểm phải từ 0 đến 15.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gửi thẩm định' })).toBeDisabled();

    const scores: Record<string, string> = {
      '1.1': '14',
      '1.2': '12',
      '1.3': '8',
      '2': '13',
      '3.1': '9',
      '3.2': '5',
      '4': '9',
      '5': '12',
      '6': '8',
    };
    await page.getByLabel(/^Đường dẫn minh chứng, tiêu chí 1\.1 /).fill('https://dakdak.gov.vn/ke-hoach-cds-2025');
    await page.getByLabel(/^Ghi chú của đơn vị, tiêu chí 1\.1 /).fill('Kế hoạch số 123/KH-SVHTTDL');
    for (const [code, value] of Object.entries(scores)) await self(code).fill(value);
    // Leave the last field so the table is seen from its first column.
    await page.getByRole('heading', { level: 1 }).click();
    await expect(totalHeading(page)).toHaveText('Tổng điểm: 90 / 100');
    await expect(page.getByText('Xếp loại dự kiến: Hoàn thành xuất sắc nhiệm vụ')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'scoring-scorecard.png'), fullPage: true, animations: 'disabled' });

    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await expect(page.getByText('Chờ thẩm định', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gửi thẩm định' })).toHaveCount(0);
    await signOut(page);

    // An evaluator sees the self-assessment side by side and corrects one score.
    await signInTo(page, loginAs, 'evaluator', scorecardUrl);
    await expect(page.getByText('Chờ thẩm định', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Xem minh chứng' })).toHaveAttribute('href', 'https://dakdak.gov.vn/ke-hoach-cds-2025');
    await page.getByLabel(/^Điểm thẩm định, tiêu chí 4 /).fill('10');
    await page.getByLabel(/^Ý kiến thẩm định, tiêu chí 4 /).fill('Đã có cơ sở dữ liệu di tích');
    await expect(totalHeading(page)).toHaveText('Tổng điểm: 91 / 100');
    await page.getByRole('button', { name: 'Xác nhận đã thẩm định' }).click();
    await expect(page.getByText('Đã thẩm định', { exact: true })).toBeVisible();
    await signOut(page);

    // The council approves; the history shows every step.
    await signInTo(page, loginAs, 'council', scorecardUrl);
    await expect(totalHeading(page)).toHaveText('Tổng điểm: 91 / 100');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await expect(page.getByText('Đã phê duyệt', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Phê duyệt' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    for (const action of ['Nhập điểm', 'Gửi thẩm định', 'Thẩm định', 'Phê duyệt']) {
      await expect(page.getByRole('tabpanel', { name: 'Lịch sử' }).getByText(action, { exact: true }).first()).toBeVisible();
    }

    // The ranking of the unit's cluster shows it as final, with its band in words.
    await page.getByRole('link', { name: `← ${prepared.roundName}` }).click();
    await page.getByRole('tab', { name: 'Xếp hạng' }).click();
    await page.getByLabel('Cụm, khối thi đua').click();
    await page.locator(`.ant-select-item-option[title="${prepared.cluster}"]`).click();
    const row = page.getByRole('row').filter({ hasText: UNIT_NAME });
    await expect(row).toContainText('91');
    await expect(row).toContainText('Hoàn thành xuất sắc nhiệm vụ');
    await expect(row).toContainText('Chính thức');
    await expect(row).not.toContainText('Tạm tính');
    // The chart's text alternative (ECharts' aria description) names the bands, not just colours.
    await expect(
      page.getByRole('tabpanel', { name: 'Xếp hạng' }).getByRole('img', { name: /Hoàn thành xuất sắc nhiệm vụ/ }),
    ).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'scoring-ranking.png'), fullPage: true, animations: 'disabled' });

    // The export downloads an .xlsx file with the signed-in user's token.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải bảng xếp hạng (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
