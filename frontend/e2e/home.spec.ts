import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { expectAllServicesUp } from './status-panel';

test.describe('home page', () => {
  test('shows the product in Vietnamese and every service up, under the gateway CSP', async ({ page }) => {
    const response = await page.goto('/');

    // The page really is served with the strict policy; the fixture fails the test on any violation.
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");

    await expect(page).toHaveTitle('Thi Đua Số');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Thi Đua Số' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Nền tảng thi đua chuyển đổi số' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Trạng thái hệ thống' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Ngôn ngữ' })).toBeVisible();

    await expectAllServicesUp(page);
    await expect(page.getByText('Không hoạt động')).toHaveCount(0);

    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'home.png'), animations: 'disabled' });
  });
});
