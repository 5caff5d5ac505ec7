import { expect, test } from './fixtures';

test('switching to English and back changes the visible text and <html lang>', async ({ page, loginAs }) => {
  await page.goto('/login');
  const html = page.locator('html');

  // Each language keeps its own name on its button; the group's label is translated.
  const switcher = page.getByRole('group', { name: 'Ngôn ngữ' });
  await expect(switcher).toBeVisible();
  const vietnamese = page.getByRole('button', { name: 'Tiếng Việt', exact: true });
  const english = page.getByRole('button', { name: 'English', exact: true });
  await expect(vietnamese).toHaveAttribute('aria-pressed', 'true');
  await expect(english).toHaveAttribute('aria-pressed', 'false');
  await expect(html).toHaveAttribute('lang', 'vi');

  await english.click();

  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
  await expect(switcher).toHaveCount(0);

  // The choice is remembered across a reload, and the signed-in pages follow it.
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await loginAs('admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const status = page.getByRole('list', { name: 'System status' });
  await expect(status.getByRole('listitem')).toHaveCount(3);
  await expect(status.getByText('Up', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Movements' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed-in user' })).toContainText('Administrator');
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Trạng thái hệ thống')).toHaveCount(0);

  await vietnamese.click();

  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trạng thái hệ thống' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Phong trào' })).toBeVisible();
  await expect(switcher).toBeVisible();
  await expect(vietnamese).toHaveAttribute('aria-pressed', 'true');
  await expect(english).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('System status')).toHaveCount(0);
});
