import { expect, test } from './fixtures';

test('a deep link to an unknown page shows the Vietnamese 404 page, whose link goes home', async ({ page }) => {
  // The gateway answers any deep link with index.html; the SPA decides it is unknown.
  await page.goto('/phong-trao/khong-co');

  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
  await expect(
    page.getByText('Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.'),
  ).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Về trang chủ' }).click();

  // Home needs a signed-in user: the login page comes first.
  await expect(page).toHaveURL('/login?next=%2F');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toHaveCount(0);
});
