import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';

test('the overview shows the active movements with their plans and the province’s training coverage', async ({ page, loginAs }) => {
  await loginAs('viewer');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();

  const movements = page.getByRole('region', { name: 'Phong trào đang triển khai' });
  const department = movements.getByRole('row', { name: /ngành Văn hóa, Thể thao và Du lịch năm 2025/ });
  await expect(department).toContainText('Đúng hạn: 4');
  await expect(department).toContainText('Trễ hạn: 2');
  await expect(department.getByRole('progressbar')).toBeVisible();
  await expect(movements.getByRole('row', { name: /giai đoạn 2025–2030/ })).toContainText('Trễ hạn: ');
  await expect(movements.getByText('Kế hoạch triển khai của các đơn vị')).toBeVisible();
  await expect(movements.locator('canvas')).toBeVisible();

  const coverage = page.getByRole('region', { name: 'Bình dân học vụ số toàn tỉnh' });
  // Vietnamese figures: thousands with dots, percentages with a decimal comma.
  await expect(coverage).toContainText(/Người học[1-9][\d.]*Đã hoàn thành[\d.]+Tỷ lệ hoàn thành[\d,]+%/);
  await expect(coverage.getByText(/người học, \+/)).toBeVisible();

  await expect(department.getByRole('link')).toHaveAttribute('href', /^\/movements\/[0-9a-f-]{36}$/);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'overview.png'), animations: 'disabled', fullPage: true });
});
