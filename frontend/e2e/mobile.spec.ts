import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { expectAllServicesUp } from './status-panel';

test.use({ viewport: { width: 360, height: 740 } });

test('the home page fits a 360-px-wide phone without horizontal scrolling', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nền tảng thi đua chuyển đổi số' }),
  ).toBeVisible();
  await expectAllServicesUp(page);

  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);

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
});
