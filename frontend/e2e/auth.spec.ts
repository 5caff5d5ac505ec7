import path from 'node:path';
import { DEMO_ACCOUNTS } from './accounts';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';

const OFFICIAL_MENU = ['Tổng quan', 'Phong trào', 'Chấm điểm', 'Bình dân học vụ số'];

test('an administrator signs in, sees every menu, opens a page and signs out', async ({ page, loginAs }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'login.png'), animations: 'disabled' });

  await loginAs('admin');

  const user = page.getByRole('region', { name: 'Người dùng đang đăng nhập' });
  await expect(user).toContainText('Quản trị viên');
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  for (const name of [...OFFICIAL_MENU, 'Tài khoản']) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(menu.getByRole('link', { name: 'Tiến độ của tôi' })).toHaveCount(0);

  await menu.getByRole('link', { name: 'Phong trào', exact: true }).click();
  await expect(page).toHaveURL('/movements');
  await expect(page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeVisible();
  await expect(page).toHaveTitle('Phong trào thi đua · Thi Đua Số');
  // The list has arrived (signing out while it loads would cancel its request).
  await expect(page.getByRole('link', { name: /giai đoạn 2025–2030/ })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await expect(page).toHaveURL('/login');
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  // The session is gone: a signed-in page sends back to the login page.
  await page.goto('/movements');
  await expect(page).toHaveURL('/login?next=%2Fmovements');
});

test('a wrong password is refused with a Vietnamese message', async ({ page, allowHttpError }) => {
  allowHttpError({ status: 401, url: '/api/campaign/v1/auth/token' });
  await page.goto('/login');

  await page.getByLabel('Tên đăng nhập').fill(DEMO_ACCOUNTS.viewer.username);
  await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL('/login');
});

test('a viewer does not see the administrators’ menus and may not open their pages', async ({ page, loginAs }) => {
  await loginAs('viewer');

  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  for (const name of OFFICIAL_MENU) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(menu.getByRole('link', { name: 'Tài khoản' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Người dùng đang đăng nhập' })).toContainText('Người xem');

  // Going to the address inside the app is no way round the menu.
  await page.evaluate(() => {
    window.history.pushState({}, '', '/accounts');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
});

test('a learner signs in with their national ID and lands on their own page', async ({ page, loginAs }) => {
  await loginAs('learner');

  await expect(page).toHaveURL('/me');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến độ học tập của tôi' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Người dùng đang đăng nhập' })).toContainText('Người học');
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await expect(menu.getByRole('link')).toHaveText(['Tiến độ của tôi']);
});

test('each role signs in and sees its role in the header', async ({ page, loginAs }) => {
  for (const [role, label] of [
    ['manager', 'Cán bộ quản lý đơn vị'],
    ['evaluator', 'Cán bộ thẩm định'],
    ['council', 'Hội đồng Thi đua – Khen thưởng'],
  ] as const) {
    await loginAs(role);
    await expect(page.getByRole('region', { name: 'Người dùng đang đăng nhập' })).toContainText(label);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL('/login');
  }
});
