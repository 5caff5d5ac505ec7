import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { adminHeaders } from './literacy-api';

/** Picks the option titled `option` in the antd select labelled `label` inside `scope` (typing `search` first). */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp, search?: string) {
  const select = scope.getByLabel(label);
  await select.click();
  if (search) await select.fill(search);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
}

const PASSWORD = 'MatKhau@2026';

test('an administrator creates an account, changes its roles and units, resets its password and deactivates it', async ({
  page,
  loginAs,
  allowHttpError,
}) => {
  const username = `can-bo-${Date.now().toString(36)}`;
  await loginAs('admin');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Tài khoản', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản' })).toBeVisible();
  await expect(page.getByText('Trang này đang được xây dựng.')).toHaveCount(0);

  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản cán bộ' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ và tên').fill('Lê Văn Thử');
  await dialog.getByLabel(/Mật khẩu$/).fill(PASSWORD);
  await dialog.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản cho Lê Văn Thử.')).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByLabel('Tìm theo tên').fill(username);
  await page.getByRole('button', { name: 'Lọc' }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('Người xem');
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'admin-accounts.png'), animations: 'disabled' });

  // Roles and units: a manager of the culture department (shown by name, never by code).
  await row.getByRole('button', { name: 'Sửa tài khoản Lê Văn Thử' }).click();
  const drawer = page.getByRole('dialog', { name: 'Tài khoản' });
  await choose(page, drawer, 'Vai trò', 'Cán bộ quản lý đơn vị');
  await choose(page, drawer, 'Đơn vị phụ trách', 'Sở Văn hóa, Thể thao và Du lịch', 'Văn hóa');
  await drawer.getByRole('heading', { name: 'Lê Văn Thử' }).click(); // the units list closes, as a person would do
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();
  await expect(row).toContainText('Cán bộ quản lý đơn vị');
  await expect(row).toContainText('Văn hóa');

  // The new password works at once.
  await drawer.getByLabel(/Mật khẩu$/).fill('MatKhauMoi@2026');
  await drawer.getByLabel('Nhập lại mật khẩu').fill('MatKhauMoi@2026');
  await drawer.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await expect(page.getByText('Đã đặt lại mật khẩu.')).toBeVisible();

  await drawer.getByRole('switch', { name: 'Tài khoản đang hoạt động' }).click();
  await expect(page.getByText('Đã khóa tài khoản.')).toBeVisible();
  await drawer.getByRole('button', { name: 'Đóng' }).click();
  await expect(row).toContainText('Đã khóa');

  // A deactivated account cannot sign in.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  allowHttpError({ status: 401, url: '/api/campaign/v1/auth/token' });
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('MatKhauMoi@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /không đúng|bị khóa/ })).toBeVisible();
  await expect(page).toHaveURL('/login');
});

test('an administrator adds a unit to the tree and moves it under another', async ({ page, loginAs }) => {
  const code = `66-TEST-${Date.now().toString(36).toUpperCase()}`;
  await loginAs('admin');
  await page.goto('/units');
  await expect(page.getByRole('heading', { level: 1, name: 'Cây đơn vị' })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Mã đơn vị').fill(code);
  await dialog.getByLabel('Tên đơn vị').fill('Trung tâm Thử nghiệm Chuyển đổi số');
  await choose(page, dialog, 'Tỉnh, thành phố', /Đắk Lắk/, 'Đắk Lắk');
  await dialog.getByLabel('Cụm, khối thi đua').fill('Khối thử nghiệm');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(page.getByText('Đã thêm Trung tâm Thử nghiệm Chuyển đổi số.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Trung tâm Thử nghiệm Chuyển đổi số' });
  await expect(row).toContainText('Khối thử nghiệm');

  // Moved under the province's people's committee (a top-level unit of the seed).
  await row.getByRole('button', { name: 'Sửa Trung tâm Thử nghiệm Chuyển đổi số' }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa đơn vị' });
  await expect(edit.getByLabel('Mã đơn vị')).toBeDisabled();
  await choose(page, edit, 'Đơn vị cấp trên', 'Sở Khoa học và Công nghệ', 'Khoa học');
  await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu thay đổi.')).toBeVisible();
  await expect(edit).toBeHidden();
  // Now a child of the department: hidden until its parent row is expanded.
  await expect(page.getByRole('row').filter({ hasText: 'Trung tâm Thử nghiệm Chuyển đổi số' })).toBeHidden();
});

test('an administrator registers an API client and sees its secret once', async ({ page, loginAs, request }) => {
  await loginAs('admin');
  await page.goto('/api-clients');
  await expect(page.getByRole('heading', { level: 1, name: 'Ứng dụng kết nối' })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đăng ký ứng dụng kết nối' });
  await dialog.getByLabel('Tên ứng dụng').fill('Cổng dịch vụ công tỉnh (thử)');
  await dialog.getByRole('checkbox', { name: /Đọc phong trào/ }).check();
  await dialog.getByRole('button', { name: 'Đăng ký ứng dụng' }).click();

  const secret = page.getByRole('dialog', { name: 'Khóa bí mật của ứng dụng' });
  await expect(secret.getByText('Khóa bí mật chỉ hiện một lần này.', { exact: false })).toBeVisible();
  const codes = secret.locator('code');
  const clientId = (await codes.nth(0).textContent()) ?? '';
  const clientSecret = (await codes.nth(1).textContent()) ?? '';
  expect(clientSecret.length).toBeGreaterThan(20);
  // The secret works: the client gets a token with its scope.
  const token = await request.post('/api/campaign/v1/auth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  expect(token.status()).toBe(200);
  expect(((await token.json()) as { scope: string }).scope).toBe('campaign:read');

  await secret.getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
  await expect(secret).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'Cổng dịch vụ công tỉnh (thử)' });
  await expect(row).toContainText('Đọc phong trào');
  // Never shown again.
  await expect(page.getByText(clientSecret)).toHaveCount(0);
});

test('an administrator renames an API client, narrows its scopes, deactivates and reactivates it', async ({ page, loginAs, request }) => {
  const headers = await adminHeaders(request);
  const created = await request.post('/api/campaign/v1/clients', {
    headers,
    data: { name: 'Hệ thống báo cáo (thử)', scopes: ['campaign:read', 'literacy:read'] },
  });
  expect(created.status()).toBe(201);
  const { client_id: clientId, client_secret: secret } = (await created.json()) as { client_id: string; client_secret: string };
  const token = () =>
    request.post('/api/campaign/v1/auth/token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });

  await loginAs('admin');
  await page.goto('/api-clients');
  await page.getByRole('button', { name: 'Sửa Hệ thống báo cáo (thử)' }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa ứng dụng Hệ thống báo cáo (thử)' });
  await edit.getByLabel('Tên ứng dụng').fill('Hệ thống báo cáo tỉnh (thử)');
  await edit.getByRole('checkbox', { name: /literacy:read/ }).uncheck();
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu Hệ thống báo cáo tỉnh (thử).')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Hệ thống báo cáo tỉnh (thử)' });
  await expect(row).toContainText('Đọc phong trào');
  expect(((await (await token()).json()) as { scope: string }).scope).toBe('campaign:read');

  await row.getByRole('button', { name: 'Khóa Hệ thống báo cáo tỉnh (thử)' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Khóa ứng dụng Hệ thống báo cáo tỉnh (thử)?' });
  await expect(confirm).toContainText('không nhận được token mới');
  await confirm.getByRole('button', { name: 'Khóa' }).click();
  await expect(page.getByText('Đã khóa Hệ thống báo cáo tỉnh (thử).')).toBeVisible();
  await expect(row).toContainText('Đã khóa');
  expect((await token()).status()).toBe(401);

  await row.getByRole('button', { name: 'Mở khóa Hệ thống báo cáo tỉnh (thử)' }).click();
  await page.getByRole('dialog').filter({ hasText: 'Mở khóa ứng dụng' }).getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByText('Đã mở khóa Hệ thống báo cáo tỉnh (thử).')).toBeVisible();
  expect((await token()).status()).toBe(200);
});

test('a viewer sees the unit tree without controls and may not open accounts or API clients', async ({ page, loginAs }) => {
  await loginAs('viewer');
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cây đơn vị' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm đơn vị', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sửa', exact: true })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: 'Ứng dụng kết nối' })).toHaveCount(0);
  // A reload keeps the session now: opening the address directly is still no way in.
  await page.goto('/api-clients');
  await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
});
