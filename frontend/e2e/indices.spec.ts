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
  // Units by their names (the directory's), not their codes.
  await expect(table.getByRole('row', { name: /Sở Văn hóa, Thể thao và Du lịch/ })).toBeVisible({ timeout: 30_000 });
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

test('an officer builds a framework in the editor, publishes it, types values and runs it', async ({ page, loginAs }) => {
  await loginAs('admin');
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Chỉ số chuyển đổi số' }).click();
  await expect(page).toHaveURL('/indices');
  await page.getByRole('button', { name: 'Tạo khung chỉ số mới' }).click();

  const name = `Chỉ số thử của các sở ${String(Date.now())}`;
  await page.getByLabel('Tên khung chỉ số').fill(name);
  // One pillar of 1,000 points and two indicators of 600 and 400 (the preset's default: points).
  // (a node's group is named by its code, so the code goes last)
  const pillar = page.getByRole('group', { name: 'Trụ cột …' });
  await pillar.getByLabel('Tên', { exact: true }).fill('Chính quyền số');
  await pillar.getByLabel('Trọng số').fill('1000');
  await pillar.getByLabel('Mã', { exact: true }).fill('P1');
  for (const [code, weight] of [['I1', '600'], ['I2', '400']] as const) {
    await page.getByRole('group', { name: 'Trụ cột P1' }).getByRole('button', { name: 'Thêm chỉ tiêu' }).first().click();
    const indicator = page.getByRole('group', { name: 'Chỉ tiêu …' });
    await indicator.getByLabel('Mã', { exact: true }).fill(code);
    const named = page.getByRole('group', { name: `Chỉ tiêu ${code}` });
    await named.getByLabel('Tên', { exact: true }).fill(`Chỉ tiêu ${code}`);
    await named.getByLabel('Trọng số').fill(weight);
  }
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click();

  // The draft is chosen and still editable; publishing makes it read-only and runnable.
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Công bố' }).click();
  await expect(page.getByText('Trọng số cộng đủ 1000 điểm')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toHaveCount(0);

  // Values typed in the form, one at a time: I1 for two departments (I2 stays missing).
  const form = page.getByRole('form', { name: 'Nhập một giá trị' });
  for (const [unit, value] of [['66-SYT', '3'], ['66-STC', '5']] as const) {
    await form.getByLabel('Mã đơn vị').fill(unit);
    await form.getByLabel('Giá trị').fill(value);
    await form.getByRole('button', { name: 'Ghi giá trị' }).click();
    await expect(form.getByText(/Đã ghi 1 giá trị/)).toBeVisible({ timeout: 30_000 });
  }

  await page.getByRole('button', { name: 'Tính chỉ số' }).click();
  const table = page.getByRole('table', { name: 'Bảng xếp hạng chỉ số' });
  // min–max over 3 and 5: Sở Tài chính 1 (rank 1), Sở Y tế 0 (rank 2)
  await expect(table.getByRole('row', { name: /^1 Sở Tài chính/ })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('row', { name: /^2 Sở Y tế/ })).toBeVisible();

  await page.getByRole('button', { name: /Phân tích độ bất định/ }).click();
  const intervals = page.getByRole('region', { name: 'Độ bất định của thứ hạng' });
  await expect(intervals.getByRole('img', { name: /Khoảng hạng 5–95%/ })).toBeVisible({ timeout: 60_000 });
});
