import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { DEMO_ACCOUNTS } from './accounts';
import { campaignPost as post } from './campaign-api';
import { adminHeaders } from './literacy-api';

/**
 * The online contest from both sides: a citizen on a 360-px phone registers, takes the open round and sees
 * the result; the organiser sees the participation chart with the units by name. The contest is prepared
 * through the API in a movement of its own (three questions, one round open now), so the answers are known.
 */

const UNITS = [
  { code: '66-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: '66-SNV', name: 'Sở Nội vụ' },
] as const;

const QUESTIONS = [
  { text: 'Cổng Dịch vụ công quốc gia có địa chỉ nào?', options: ['dichvucong.gov.vn', 'vneid.gov.vn.example', 'chinhphu.vn.example'], key: 'A' },
  { text: 'Ứng dụng định danh điện tử quốc gia là gì?', options: ['Zalo', 'VNeID', 'VssID'], key: 'B' },
  { text: 'Đề án 06 do cơ quan nào chủ trì?', options: ['Bộ Y tế', 'Bộ Tài chính', 'Bộ Công an'], key: 'C' },
] as const;

interface Prepared {
  campaignId: string;
  contestId: string;
  title: string;
}

const INITIATIVE = 'Số hóa hồ sơ một cửa';

async function prepare(request: APIRequestContext): Promise<Prepared> {
  const headers = await adminHeaders(request);
  const suffix = `${Date.now() % 1_000_000}`;
  const campaign = await post(request, headers, '/v1/campaigns', {
    code: `E2E-CT-${suffix}`,
    title: `Phong trào thi trực tuyến ${suffix}`,
    starts_on: '2025-01-01',
    ends_on: '2030-12-31',
    level: 'province',
    organizer_unit_code: '66',
  });
  const campaignId = campaign.id ?? '';
  await post(request, headers, `/v1/campaigns/${campaignId}/participants`, { unit_codes: UNITS.map((unit) => unit.code) });
  // The initiative contest: one initiative, judged by the council member alone.
  await post(request, headers, `/v1/campaigns/${campaignId}/launch`, {});
  await post(request, headers, `/v1/campaigns/${campaignId}/initiatives`, {
    title: INITIATIVE,
    unit_code: UNITS[0].code,
    authors: ['Lê Thị Hoa'],
  });
  const accounts = await request.get('/api/campaign/v1/accounts', { headers, params: { q: DEMO_ACCOUNTS.council.username } });
  expect(accounts.status()).toBe(200);
  const { items } = (await accounts.json()) as { items: { id: string; username: string }[] };
  const judge = items.find((item) => item.username === DEMO_ACCOUNTS.council.username);
  expect(judge).toBeDefined();
  await post(request, headers, `/v1/campaigns/${campaignId}/initiative-judgings`, {
    title: 'Chấm sáng kiến cải cách hành chính',
    judges: [judge?.id ?? ''],
  });
  const title = `Tìm hiểu Đề án 06 (${suffix})`;
  const contest = await post(request, headers, `/v1/campaigns/${campaignId}/contests`, {
    title,
    rules: 'Mỗi người một lượt.',
    questions_per_attempt: 3,
    time_limit_seconds: 900,
    prediction_question: 'Bao nhiêu người trả lời đúng tất cả?',
  });
  const contestId = contest.id ?? '';
  for (const question of QUESTIONS) {
    await post(request, headers, `/v1/contests/${contestId}/questions`, {
      topic: 'Đề án 06',
      text: question.text,
      options: question.options.map((text, index) => ({ key: 'ABC'.charAt(index), text })),
      correct_keys: [question.key],
      explanation: 'Theo Đề án 06/CP.',
    });
  }
  await post(request, headers, `/v1/contests/${contestId}/open`, {});
  const now = Date.now();
  await post(request, headers, `/v1/contests/${contestId}/rounds`, {
    no: 1,
    title: 'Tuần thứ nhất',
    opens_at: new Date(now - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    closes_at: new Date(now + 6 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  return { campaignId, contestId, title };
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(width).toBeLessThanOrEqual(360);
}

test.describe('online contest', () => {
  test.describe.configure({ mode: 'serial' });
  let prepared: Prepared;

  test.beforeAll(async ({ request }) => {
    prepared = await prepare(request);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('a citizen registers, takes the round against the countdown and sees the result', async ({ page }) => {
      await page.goto(`/contests/${prepared.contestId}/play`);
      await expect(page.getByRole('heading', { level: 2, name: prepared.title })).toBeVisible();
      await expectNoHorizontalScroll(page);

      await page.getByLabel('Họ và tên').fill('Nguyễn Thị Dự Thi');
      // A national ID of this run's own, so that a second run registers a new participant.
      await page.getByLabel('Số CCCD').fill(`0661${String(Date.now()).slice(-8)}`);
      await page.getByLabel('Ngày sinh').fill('17/05/1990');
      await page.getByLabel('Ngày sinh').press('Enter');
      await page.getByLabel('Số điện thoại').fill('0912345678');
      await page.getByLabel('Đơn vị').click();
      await page.locator(`.ant-select-item-option[title="${UNITS[0].name}"]`).click();
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

      await page.getByRole('button', { name: 'Bắt đầu làm bài (3 câu)' }).click();
      await expect(page.getByRole('timer')).toContainText(/Thời gian còn lại: 1[45]:\d\d/);
      for (const question of QUESTIONS) {
        const card = page.locator('.ant-card').filter({ hasText: question.text });
        await card.getByRole('checkbox', { name: question.options['ABC'.indexOf(question.key)], exact: true }).check();
      }
      await page.getByRole('spinbutton').fill('1');
      await expectNoHorizontalScroll(page);
      await page.getByRole('button', { name: 'Nộp bài' }).click();

      await expect(page.getByText('Bạn trả lời đúng 3/3 câu')).toBeVisible();
      // Before the round closes: no keys, no explanations.
      await expect(page.getByText('Đáp án và giải thích được công bố khi vòng thi kết thúc.')).toBeVisible();
      await expect(page.getByText('Theo Đề án 06/CP.')).toHaveCount(0);
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'contest-play-mobile.png'), fullPage: true, animations: 'disabled' });
    });
  });

  test('the organiser sees participation by unit, the units by name', async ({ page, loginAs }) => {
    await loginAs('admin');
    await page.goto(`/movements/${prepared.campaignId}/contests`);
    await expect(page.getByRole('heading', { level: 3, name: prepared.title })).toBeVisible();
    const units = page.locator('.ant-card').filter({ hasText: 'Tỷ lệ tham gia theo đơn vị' });
    // The chart's text alternative names the units (not their codes).
    const chart = units.getByRole('img', { name: /Biểu đồ cột/ });
    await expect(chart).toHaveAttribute('aria-label', new RegExp(UNITS[0].name));
    await expect(chart).toHaveAttribute('aria-label', new RegExp(UNITS[1].name));
    await expect(chart).not.toHaveAttribute('aria-label', new RegExp(UNITS[0].code));
    // One participant of the 120 staff of the Culture department: 0,8 %; none of the Home Affairs department.
    const culture = units.getByRole('row').filter({ hasText: UNITS[0].name });
    await expect(culture).toContainText('120');
    await expect(culture.getByRole('cell').nth(1)).toHaveText('1');
    await expect(units.getByRole('row').filter({ hasText: UNITS[1].name }).getByRole('cell').nth(1)).toHaveText('0');
    const results = page.locator('.ant-card').filter({ hasText: 'Kết quả vòng thi' });
    await expect(results).toContainText('Số người trả lời đúng tất cả: 1');
    await expect(results.getByRole('row').filter({ hasText: /Nguyễn T\. D\./ })).toContainText('3');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'contest-units.png'), fullPage: true, animations: 'disabled' });
  });

  test('the organiser keeps the bank: an import with bad rows lists them and adds nothing; a question added by hand', async ({
    page,
    loginAs,
  }) => {
    await loginAs('admin');
    await page.goto(`/movements/${prepared.campaignId}`);
    await page.getByRole('button', { name: 'Cuộc thi trực tuyến' }).click();
    await expect(page).toHaveURL(`/movements/${prepared.campaignId}/contests`);
    const bank = page.locator('.ant-card').filter({ hasText: 'Ngân hàng câu hỏi' });
    await expect(bank).toContainText('Ngân hàng câu hỏi (3 câu)');

    // Lines 3 and 4 are bad (no correct answer; an answer that is not an option): nothing is imported.
    await bank.locator('input[type=file]').setInputFiles(fileURLToPath(new URL('./fixtures/contest-bank-bad-rows.xlsx', import.meta.url)));
    const refusal = bank.getByRole('alert').filter({ hasText: 'Không nhập câu nào: 2 dòng có lỗi' });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole('row').filter({ hasText: 'correct_keys' })).toHaveCount(2);
    await expect(refusal.getByRole('cell', { name: '3', exact: true })).toBeVisible();
    await expect(refusal.getByRole('cell', { name: '4', exact: true })).toBeVisible();
    await expect(bank).toContainText('Ngân hàng câu hỏi (3 câu)');

    await bank.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm câu hỏi' });
    await dialog.getByLabel('Câu hỏi', { exact: true }).fill('Thẻ Căn cước tích hợp những giấy tờ nào?');
    await dialog.getByLabel('Phương án A').fill('Thẻ bảo hiểm y tế');
    await dialog.getByLabel('Phương án B').fill('Hộ chiếu');
    await dialog.getByRole('checkbox', { name: 'A', exact: true }).check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(bank).toContainText('Ngân hàng câu hỏi (4 câu)');
    await expect(bank.getByRole('row').filter({ hasText: 'Thẻ Căn cước tích hợp' })).toContainText('A: Thẻ bảo hiểm y tế');
  });

  test('the judge scores the initiative per criterion; the organiser recognises it', async ({ page, loginAs }) => {
    await loginAs('council');
    await page.goto(`/movements/${prepared.campaignId}/contests`);
    const judging = page.locator('.ant-card').filter({ hasText: 'Cuộc thi sáng kiến cải cách hành chính' });
    const row = judging.getByRole('row').filter({ hasText: INITIATIVE });
    await expect(row).toContainText('Sở Văn hóa, Thể thao và Du lịch');
    await row.getByRole('button', { name: 'Chấm điểm' }).click();
    const dialog = page.getByRole('dialog', { name: `Chấm điểm: ${INITIATIVE}` });
    await dialog.getByLabel('Tính mới, sáng tạo (tối đa 30 điểm)').fill('25');
    await dialog.getByLabel('Hiệu quả mang lại (tối đa 40 điểm)').fill('35');
    await dialog.getByLabel('Phạm vi ảnh hưởng, khả năng nhân rộng (tối đa 30 điểm)').fill('20');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    // 25 + 35 + 20 = 80, by the one judge of one.
    await expect(row).toContainText('80');
    await expect(row).toContainText('1/1');
    await expect(row.getByRole('button', { name: 'Công nhận' })).toHaveCount(0);

    await page.getByRole('button', { name: /^(Đăng xuất|Sign out)$/ }).click();
    await loginAs('admin');
    await page.goto(`/movements/${prepared.campaignId}/contests`);
    await expect(row.getByRole('button', { name: 'Chấm điểm' })).toHaveCount(0);
    await row.getByRole('button', { name: 'Công nhận' }).click();
    const decide = page.getByRole('dialog', { name: `Quyết định mức công nhận: ${INITIATIVE}` });
    await decide.getByRole('button', { name: 'Công nhận' }).click();
    await expect(decide).toBeHidden();
    await expect(row).toContainText('Cấp tỉnh');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'initiative-judging.png'), fullPage: true, animations: 'disabled' });
  });
});
