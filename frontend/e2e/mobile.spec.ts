import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { expectAllServicesUp } from './status-panel';

test.use({ viewport: { width: 360, height: 740 } });

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);
}

test('the login page and the overview fit a 360-px-wide phone; the menu opens as a drawer', async ({
  page,
  loginAs,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await loginAs('admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan' })).toBeVisible();
  await expectAllServicesUp(page);
  await expectNoHorizontalScroll(page);

  // The product name stays on one line inside the header bar.
  const header = await page.getByRole('banner').boundingBox();
  const name = await page.getByRole('link', { name: 'Thi Đua Số' }).boundingBox();
  expect(header).not.toBeNull();
  expect(name).not.toBeNull();
  if (header && name) {
    expect(name.y).toBeGreaterThanOrEqual(header.y);
    expect(name.y + name.height).toBeLessThanOrEqual(header.y + header.height);
  }

  // The status card's title is shown whole, not clipped by the button beside it.
  const title = page.getByRole('heading', { level: 2, name: 'Trạng thái hệ thống' });
  const clipped = await title.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(clipped).toBe(false);

  await page.screenshot({
    path: path.join(SCREENSHOTS_DIR, 'home-mobile.png'),
    fullPage: true,
    animations: 'disabled',
  });

  // On a phone the menu is behind a button.
  await expect(page.getByRole('navigation', { name: 'Menu chính' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mở menu' }).click();
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('link', { name: 'Chấm điểm' }).click();
  await expect(page).toHaveURL('/scoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Chấm điểm và xếp hạng' })).toBeVisible();
  await expect(menu).toBeHidden();
});
