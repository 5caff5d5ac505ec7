import { expect, test } from './fixtures';

test('an administrator finds learners by name without diacritics, sees masked IDs and pages through', async ({
  page,
  loginAs,
}) => {
  await loginAs('admin');
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Bình dân học vụ số' }).click();
  await page.getByRole('navigation', { name: 'Các trang Bình dân học vụ số' }).getByRole('link', { name: 'Học viên' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu học viên' })).toBeVisible();

  await page.getByLabel('Họ tên').fill('nguyen');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();

  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(20);
  // Typed without diacritics, found with them; national IDs only ever masked.
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').first()).toContainText('Nguyễn');
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d{3}\*{6}\d{3}$/);
  }

  await expect(page.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
  const first = await rows.first().textContent();
  await page.getByRole('button', { name: 'Trang sau' }).click();
  await expect(page.getByText('Trang 2')).toBeVisible();
  await expect(rows.first()).not.toHaveText(first ?? '');
  await page.getByRole('button', { name: 'Trang trước' }).click();
  await expect(page.getByText('Trang 1')).toBeVisible();
  await expect(rows.first()).toHaveText(first ?? '');
});

test('an evaluator reads the course catalogue and filters the classes by course', async ({ page, loginAs }) => {
  await loginAs('evaluator');
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Bình dân học vụ số' }).click();
  await page.getByRole('navigation', { name: 'Các trang Bình dân học vụ số' }).getByRole('link', { name: 'Khóa học và lớp học' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Khóa học và lớp học' })).toBeVisible();

  await expect(page.getByRole('row', { name: /^CHU-KY-SO Chữ ký số và giao dịch điện tử/ })).toContainText('Công chức');
  const filter = page.getByLabel('Lọc theo khóa học');
  await filter.fill('Chữ ký số');
  await filter.press('Enter');
  const classRows = page
    .getByRole('table')
    .last()
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  // The table re-renders when the filtered page arrives: read every row's course in one go, until
  // all of them are the course asked for (a snapshot of rows taken mid-render goes stale).
  const courses = () =>
    classRows.evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent.trim() ?? ''));
  await expect
    .poll(async () => {
      const shown = await courses();
      return shown.length > 0 && shown.every((course) => course === 'Chữ ký số và giao dịch điện tử');
    })
    .toBe(true);
});
