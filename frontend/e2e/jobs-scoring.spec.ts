import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoRole } from './accounts';
import { expect, test } from './fixtures';

/**
 * A unit's manager adds people to the seeded round of individuals ("Cá nhân tiêu biểu năm 2025"): one
 * through the form, two pasted from a sheet; the round and a scorecard fit a 360-px phone.
 */

const UNIT = DEMO_ACCOUNTS.manager.unitCodes[0] ?? '66-SVHTTDL';
const ROUND = 'Cá nhân tiêu biểu năm 2025';

async function signInTo(page: Page, loginAs: (role: DemoRole) => Promise<unknown>, role: DemoRole, to: string) {
  await page.goto(`/login?next=${encodeURIComponent(to)}`);
  await loginAs(role);
  await expect(page).toHaveURL(to);
}

async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.document).toBeLessThanOrEqual(width);
  expect(widths.body).toBeLessThanOrEqual(width);
}

test.describe('scoring jobs', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a manager adds people to a round of individuals, one and from a sheet; the pages fit a phone', async ({ page, loginAs, allowHttpError }) => {
    const stamp = String(Date.now()).slice(-6);
    await signInTo(page, loginAs, 'manager', '/scoring');
    await page.getByRole('link', { name: ROUND }).click();
    await expect(page.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();

    await page.getByRole('button', { name: 'Thêm cá nhân' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cá nhân vào đợt chấm điểm' });
    await dialog.getByLabel('Họ và tên').fill(`Nguyễn Văn An ${stamp}`);
    await dialog.getByLabel('Mã cá nhân').fill(`cb-${stamp}-1`);
    await dialog.getByLabel('Mã đơn vị').fill(UNIT);
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(page.getByText('Đã thêm 1 người.')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: `Nguyễn Văn An ${stamp}` })).toBeVisible();

    await page.getByRole('button', { name: 'Thêm cá nhân' }).click();
    await dialog.getByRole('tab', { name: 'Từ bảng tính' }).click();
    await dialog.getByLabel('Các dòng').fill(
      [`Mã\tHọ và tên\tMã đơn vị`, `cb-${stamp}-2\tTrần Thị Bình ${stamp}\t${UNIT}`, `cb-${stamp}-3\tLê Văn Cường ${stamp}\t${UNIT}`].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Thêm tất cả' }).click();
    await expect(page.getByText('Đã thêm 2 người.')).toBeVisible();
    await expect(page.getByRole('link', { name: `Trần Thị Bình ${stamp}` })).toBeVisible();
    await expect(page.getByRole('link', { name: `Lê Văn Cường ${stamp}` })).toBeVisible();

    // The same person again is refused by the service (409), and said so in the dialog.
    allowHttpError({ status: 409, url: '/scorecards' });
    await page.getByRole('button', { name: 'Thêm cá nhân' }).click();
    await dialog.getByLabel('Họ và tên').fill(`Nguyễn Văn An ${stamp}`);
    await dialog.getByLabel('Mã cá nhân').fill(`cb-${stamp}-1`);
    await dialog.getByLabel('Mã đơn vị').fill(UNIT);
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, 360);
    await page.getByRole('link', { name: `Trần Thị Bình ${stamp}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Phiếu chấm điểm: Trần Thị Bình ${stamp}` })).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await expect(page.getByText('Trạng thái: Đang tự chấm')).toBeVisible();
    await expectNoHorizontalScroll(page, 360);
  });
});
