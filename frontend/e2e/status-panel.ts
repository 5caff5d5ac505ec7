import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Waits until the status panel (Vietnamese) lists the three services, each shown as up. */
export async function expectAllServicesUp(page: Page): Promise<void> {
  const panel = page.getByRole('list', { name: 'Trạng thái hệ thống' });
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  for (const name of [
    'Dịch vụ phong trào thi đua',
    'Dịch vụ chấm điểm và xếp hạng',
    'Dịch vụ Bình dân học vụ số',
  ]) {
    const row = panel.getByRole('listitem', { name, exact: true });
    await expect(row.getByText('Hoạt động', { exact: true })).toBeVisible();
  }
}
