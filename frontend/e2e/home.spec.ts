import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { expectAllServicesUp } from './status-panel';

test.describe('overview page', () => {
  test('an administrator sees the overview in Vietnamese with every service up, under the gateway CSP', async ({
    page,
    loginAs,
  }) => {
    const response = await page.goto('/');

    // The page really is served with the strict policy; the fixture fails the test on any violation.
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");

    // Signed out: the app asks to sign in first, then comes back.
    await expect(page).toHaveURL('/login?next=%2F');
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    await loginAs('admin');

    await expect(page).toHaveURL('/');
    await expect(page).toHaveTitle('Tổng quan · Thi Đua Số');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Thi Đua Số' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Trạng thái hệ thống' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Ngôn ngữ' })).toBeVisible();

    await expectAllServicesUp(page);
    await expect(page.getByText('Không hoạt động')).toHaveCount(0);

    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'home.png'), animations: 'disabled' });
  });
});
