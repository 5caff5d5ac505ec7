import path from 'node:path';
import { expect, test } from './fixtures';

/** The filled template of the seeded preset for departments: 4 departments × its 14 manual and uploaded indicators. */
const VALUES = path.join(import.meta.dirname, 'fixtures', 'index-values.xlsx');

test('an officer uploads index values, runs the index and sees the rank intervals', async ({ page, loginAs }) => {
  await loginAs('admin');
  await page.waitForLoadState('networkidle');
  // Tokens live in memory: move through the menus (a page load would sign out).
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Chỉ số chuyển đổi số' }).click();
  await expect(page).toHaveURL('/indices');
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ số chuyển đổi số tổng hợp' })).toBeVisible();

  // The seeded presets sort by name: the departments' one comes first and is chosen.
  await expect(page.getByText('Chỉ số chuyển đổi số cấp sở của tỉnh (v1)')).toBeVisible();
  // The preset counts in points: its weights add up to 1,000.
  await expect(page.getByText('Trọng số cộng đủ 1000 điểm')).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles(VALUES);
  await expect(page.getByText(/Đã ghi 56 giá trị/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Tính chỉ số' }).click();
  const table = page.getByRole('table', { name: 'Bảng xếp hạng chỉ số' });
  await expect(table.getByRole('row', { name: /66-SVHTTDL/ })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('row')).toHaveCount(5); // the header and 4 departments

  await page.getByRole('button', { name: /Phân tích độ bất định/ }).click();
  const intervals = page.getByRole('region', { name: 'Độ bất định của thứ hạng' });
  await expect(intervals.getByRole('img', { name: /Khoảng hạng 5–95%/ })).toBeVisible({ timeout: 60_000 });
  await expect(intervals.getByRole('table', { name: 'Chỉ số Sobol của từng giả định' })).toContainText('weight:CQS');
  await expect(table.getByRole('columnheader', { name: 'Khoảng hạng 5–95%' })).toBeVisible();

  // What-if: a pillar's weight moved, a new column of ranks appears, and nothing is saved.
  await page.getByRole('slider', { name: 'Trọng số của KTS' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(table.getByRole('columnheader', { name: 'Hạng khi thử' })).toBeVisible();
});
