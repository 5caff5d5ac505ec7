import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { adminHeaders, seedCommuneCode } from './literacy-api';

/** The import template's Vietnamese headers (services/digital-literacy-api/.../imports/columns.py). */
const HEADERS = [
  'Số CCCD',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Mã xã/phường',
  'Đối tượng',
  'Mã đơn vị',
  'Mã khóa học',
  'Trạng thái',
  'Tiến độ (%)',
  'Điểm',
  'Ngày hoàn thành',
  'Ngày ghi danh',
];

/** A CSV as a commune clerk saves it from Excel: UTF-8 with a BOM, semicolons, Vietnamese headers and values. */
function communeCsv(communeCode: string): Buffer {
  // National IDs unique to this run: 066 (Đắk Lắk) + 1 + 8 digits of the clock.
  const stamp = String(Date.now()).slice(-8);
  const rows = [
    [`0661${stamp}`.slice(0, 12), 'H\'Hen Niê', '12/03/1988', 'Nữ', 'Ê Đê', communeCode, 'Người dân', '', 'VNEID-DVC', 'Hoàn thành', '', '90', '15/09/2025', '01/09/2025'],
    [`0662${stamp}`.slice(0, 12), 'Nguyễn Văn Bình', '01/07/1975', 'Nam', 'Kinh', communeCode, 'Người lao động', '', 'AN-TOAN-MANG', 'Đang học', '40', '', '', '05/10/2025'],
    // Refused: a national ID must be 12 digits.
    ['12AB', 'Trần Thị Lỗi', '05/05/1990', 'Nữ', 'Kinh', communeCode, 'Người dân', '', 'VNEID-DVC', 'Đang học', '10', '', '', '05/10/2025'],
  ];
  const text = [HEADERS, ...rows].map((row) => row.join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

test('an administrator imports a commune CSV and sees its progress, final counts and the error report', async ({
  page,
  loginAs,
  request,
}) => {
  const communeCode = await seedCommuneCode(request, await adminHeaders(request));
  await loginAs('admin');
  await page.waitForLoadState('networkidle');
  // Tokens live in memory: move through the menus (a page load would sign out).
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Bình dân học vụ số' }).click();
  await page.getByRole('navigation', { name: 'Các trang Bình dân học vụ số' }).getByRole('link', { name: 'Nhập dữ liệu' }).click();
  await expect(page).toHaveURL('/literacy/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu học tập' })).toBeVisible();

  // The template comes down as an .xlsx file (fetched with the token, saved as a blob).
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /Tải tệp mẫu/ }).click();
  expect((await templateDownload).suggestedFilename()).toBe('mau-nhap-lieu-binh-dan-hoc-vu-so.xlsx');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'xa-e2e.csv',
    mimeType: 'text/csv',
    buffer: communeCsv(communeCode),
  });

  const result = page.getByRole('region', { name: 'xa-e2e.csv' });
  await expect(result.getByText('Hoàn tất')).toBeVisible({ timeout: 60_000 });
  await expect(result.getByText('Kết quả (3 dòng)')).toBeVisible();
  await expect(result.getByTestId('import-count-inserted')).toHaveText('2');
  await expect(result.getByTestId('import-count-updated')).toHaveText('0');
  await expect(result.getByTestId('import-count-unchanged')).toHaveText('0');
  await expect(result.getByTestId('import-count-rejected')).toHaveText('1');
  await expect(result.getByTestId('import-count-duplicates')).toHaveText('0');
  await expect(result.getByTestId('import-count-certificates')).toHaveText('1');

  // The job is listed among the recent imports.
  await expect(page.getByRole('row', { name: /xa-e2e\.csv/ }).first()).toContainText('Hoàn tất');

  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'literacy-import.png'), fullPage: true, animations: 'disabled' });

  // The error report lists the refused row with its line and reason.
  const errorsDownload = page.waitForEvent('download');
  await result.getByRole('button', { name: /Tải báo cáo lỗi \(1 dòng\)/ }).click();
  const download = await errorsDownload;
  expect(download.suggestedFilename()).toMatch(/^loi-nhap-lieu-.+\.csv$/);
  const report = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of report) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  // The header, then the fourth line of the file (the header is line 1) with its reason.
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^4[,;].*CCCD/);
});

test('an official reads training coverage by month with the 100 peak days marked, and by category', async ({
  page,
  loginAs,
}) => {
  await loginAs('viewer');
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Bình dân học vụ số' }).click();
  await expect(page).toHaveURL('/literacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Bình dân học vụ số' })).toBeVisible();
  // A viewer sees the statistics, not the learners' personal data or the imports.
  const sectionMenu = page.getByRole('navigation', { name: 'Các trang Bình dân học vụ số' });
  await expect(sectionMenu.getByRole('link', { name: 'Thống kê độ phủ' })).toBeVisible();
  await expect(sectionMenu.getByRole('link', { name: 'Học viên' })).toHaveCount(0);
  await expect(sectionMenu.getByRole('link', { name: 'Nhập dữ liệu' })).toHaveCount(0);

  await expect(page.getByRole('heading', { level: 2, name: 'Độ phủ theo xã/phường' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Tổng cộng/ })).toContainText('%');

  await page.getByText('Tháng', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Độ phủ theo tháng' })).toBeVisible();
  await expect(page.getByText('Vùng tô màu là đợt 100 ngày cao điểm (15/07/2025 – 25/10/2025).')).toBeVisible();
  await expect(page.getByRole('img', { name: /tô màu giai đoạn 100 ngày cao điểm/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^08\/2025/ })).toContainText('%');
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'literacy-coverage.png'), fullPage: true, animations: 'disabled' });

  await page.getByText('Đối tượng', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Độ phủ theo đối tượng' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Người dân/ })).toContainText('%');
});
