import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoRole } from './accounts';
import { choose } from './antd';
import { expect, test } from './fixtures';

/**
 * From a round's proposals to an issued decision, in the browser, as the emulation office (the
 * administrator, who runs the seeded movement): dossiers built from the proposals, sent, returned once,
 * resent, received, assigned, reviewed, taken to the council; a council convened, its member's vote,
 * the decision issued and its PDF downloaded. Only the round and the unit's self-assessment are
 * prepared through the API (the scoring spec covers those pages).
 */

const UNIT = DEMO_ACCOUNTS.manager.unitCodes[0] ?? '66-SVHTTDL';
const UNIT_NAME = 'Sở Văn hóa, Thể thao và Du lịch';
/** Every leaf of the seeded collective set at its maximum: 100 points, the top band. */
const FULL_MARKS: Record<string, number> = { '1.1': 15, '1.2': 15, '1.3': 10, '2': 15, '3.1': 10, '3.2': 5, '4': 10, '5': 15, '6': 10 };

async function tokenOf(request: APIRequestContext, role: DemoRole): Promise<Record<string, string>> {
  const { username, password } = DEMO_ACCOUNTS[role];
  const response = await request.post('/api/campaign/v1/auth/token', { form: { grant_type: 'password', username, password } });
  expect(response.status(), await response.text()).toBe(200);
  return { Authorization: `Bearer ${((await response.json()) as { access_token: string }).access_token}` };
}

/** A new round on the seeded collective set, where only the manager's unit has self-assessed (in full). */
async function prepareRound(request: APIRequestContext): Promise<{ roundId: string; roundName: string }> {
  const admin = await tokenOf(request, 'admin');
  const sets = await request.get('/api/scoring/v1/criteria-sets?subject_type=collective', { headers: admin });
  expect(sets.status(), await sets.text()).toBe(200);
  const published = ((await sets.json()) as { items: { id: string; status: string }[] }).items.find((set) => set.status === 'published');
  expect(published, 'the seed publishes a collective criteria set').toBeDefined();
  const roundName = `Đợt khen thưởng ${String(Date.now())}`;
  const created = await request.post('/api/scoring/v1/rounds', {
    headers: admin,
    data: { criteria_set_id: published?.id, name: roundName, period_start: '2025-01-01', period_end: '2025-12-31' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const roundId = ((await created.json()) as { id: string }).id;
  const generated = await request.post(`/api/scoring/v1/rounds/${roundId}/scorecards/generate`, { headers: admin });
  expect(generated.status(), await generated.text()).toBe(200);
  const cards = ((await generated.json()) as { items: { id: string; unit_code: string }[] }).items;
  const mine = cards.find((card) => card.unit_code === UNIT);
  expect(mine, `a scorecard for ${UNIT}`).toBeDefined();
  const patched = await request.patch(`/api/scoring/v1/scorecards/${mine?.id ?? ''}`, {
    headers: await tokenOf(request, 'manager'),
    data: { entries: Object.entries(FULL_MARKS).map(([criterion_code, self_score]) => ({ criterion_code, self_score })) },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  return { roundId, roundName };
}

const status = (page: Page, text: string) => page.locator('.ant-descriptions').getByText(text, { exact: true });

test.describe('recognition', () => {
  test('the office goes from a round’s proposals to an issued decision', async ({ page, loginAs, request }) => {
    test.setTimeout(240_000);
    const { roundId, roundName } = await prepareRound(request);
    const roundUrl = `/scoring/rounds/${roundId}?tab=proposals`;

    await page.goto(`/login?next=${encodeURIComponent(roundUrl)}`);
    await loginAs('admin');
    await expect(page).toHaveURL(roundUrl);

    // One dossier per proposing unit, from the proposals.
    await page.getByRole('button', { name: 'Lập hồ sơ đề nghị từ đề xuất' }).click();
    await expect(page.getByText('Đã lập 1 hồ sơ mới')).toBeVisible();
    await page.getByRole('link', { name: 'Xem các hồ sơ' }).click();
    await page.getByRole('link', { name: `Hồ sơ đề nghị khen thưởng — ${roundName}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Hồ sơ đề nghị khen thưởng — ${roundName}` })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Tập thể lao động xuất sắc' })).toBeVisible();
    await expect(status(page, 'Nháp')).toBeVisible();

    // Sent, returned once with a reason, resent.
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expect(status(page, 'Đã gửi')).toBeVisible();
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await page.getByLabel('Lý do').fill('Thiếu báo cáo thành tích có xác nhận');
    await page.getByRole('dialog').getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await expect(status(page, 'Trả lại bổ sung')).toBeVisible();
    await expect(page.locator('.ant-timeline').getByText('Thiếu báo cáo thành tích có xác nhận')).toBeVisible();
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expect(status(page, 'Đã gửi')).toBeVisible();

    // Received, assigned to a specialist, reviewed, taken to the council.
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect(status(page, 'Đã tiếp nhận')).toBeVisible();
    await choose(page, 'Phân công chuyên viên', DEMO_ACCOUNTS.evaluator.fullName);
    await expect(page.locator('.ant-descriptions')).toContainText(DEMO_ACCOUNTS.evaluator.fullName);
    await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
    await expect(status(page, 'Đang thẩm định')).toBeVisible();
    await page.getByRole('button', { name: 'Trình Hội đồng' }).click();
    await expect(status(page, 'Trình Hội đồng')).toBeVisible();
    // The history reads as steps with people's names.
    for (const step of ['Lập hồ sơ', 'Gửi hồ sơ', 'Trả lại để bổ sung', 'Tiếp nhận', 'Phân công thẩm định', 'Trình Hội đồng']) {
      await expect(page.locator('.ant-timeline').getByText(step, { exact: true }).first()).toBeVisible();
    }

    // The council: convened on the dossier, the administrator among its members votes for the nominee.
    await page.getByRole('link', { name: '← Các hồ sơ đề nghị' }).click();
    await page.getByRole('tab', { name: 'Hội đồng' }).click();
    await page.getByRole('button', { name: 'Triệu tập phiên họp' }).click();
    const dialog = page.getByRole('dialog');
    const sessionTitle = `Phiên họp xét khen thưởng ${roundName}`;
    await dialog.getByLabel('Tên phiên họp').fill(sessionTitle);
    await dialog.getByLabel('Thành viên', { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${DEMO_ACCOUNTS.admin.fullName}"]`).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${DEMO_ACCOUNTS.council.fullName}"]`).click();
    await dialog.getByLabel('Tên phiên họp').click();
    await expect(dialog.getByRole('checkbox', { name: new RegExp(roundName) })).toBeChecked();
    await dialog.getByRole('button', { name: 'Triệu tập' }).click();
    await expect(page.getByRole('heading', { level: 1, name: sessionTitle })).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: UNIT_NAME });
    await expect(row).toContainText('Chưa đạt');
    await row.getByRole('button', { name: `Đồng ý với ${UNIT_NAME}`, exact: true }).click();
    await expect(row).toContainText('Đã chọn: Đồng ý');
    await expect(row).toContainText('Đạt');
    await expect(row).not.toContainText('Chưa đạt');

    // The decision, from the passed nominee.
    const number = `${String(Date.now() % 100000)}/QĐ-UBND`;
    await page.getByRole('checkbox', { name: UNIT_NAME }).check();
    await page.getByLabel('Số quyết định').fill(number);
    await page.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Tỉnh');
    await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await expect(page.getByText(`Đã ban hành Quyết định số ${number}.`)).toBeVisible();
    await expect(page.getByText('Không còn đối tượng đạt nào chờ quyết định.')).toBeVisible();

    // It is listed with its document; the dossier is approved.
    await page.getByRole('link', { name: '← Các phiên họp Hội đồng' }).click();
    await page.getByRole('tab', { name: 'Quyết định' }).click();
    const decision = page.getByRole('row').filter({ hasText: number });
    await expect(decision).toContainText('Có hiệu lực');
    await expect(decision).toContainText('Tập thể lao động xuất sắc');
    const download = page.waitForEvent('download');
    await decision.getByRole('button', { name: `Tải bản PDF Quyết định số ${number}` }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  });
});
