import { expect, test } from './fixtures';

test('switching to English and back changes the visible text and <html lang>', async ({ page }) => {
  await page.goto('/');
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
  await expect(
    page.getByRole('heading', { level: 1, name: 'Digital transformation emulation platform' }),
  ).toBeVisible();
  const status = page.getByRole('list', { name: 'System status' });
  await expect(status.getByRole('listitem')).toHaveCount(3);
  await expect(status.getByText('Up', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
  await expect(switcher).toHaveCount(0);
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Trạng thái hệ thống')).toHaveCount(0);

  // The choice is remembered across a reload.
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'System status' })).toBeVisible();

  await vietnamese.click();

  await expect(html).toHaveAttribute('lang', 'vi');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nền tảng thi đua chuyển đổi số' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trạng thái hệ thống' })).toBeVisible();
  await expect(switcher).toBeVisible();
  await expect(vietnamese).toHaveAttribute('aria-pressed', 'true');
  await expect(english).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('System status')).toHaveCount(0);
});
