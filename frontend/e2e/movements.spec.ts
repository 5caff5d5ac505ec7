import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { choose } from './antd';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';

/** Picks a filter button (antd's radio buttons hide the radio input itself). */
async function filterBy(page: Page, name: string) {
  await page.getByRole('radio', { name, exact: true }).locator('xpath=ancestor::label[1]').click();
  await expect(page.getByRole('radio', { name, exact: true })).toBeChecked();
}

/** Types a date into the antd date picker labelled `label` (dd/mm/yyyy); leaving the field keeps it (Enter would send the form). */
async function pickDate(scope: Page | Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Tab');
}

test.describe('movements', () => {
  // Long journeys through several forms; the machine running them may be busy.
  test.describe.configure({ timeout: 180_000 });

  test('an administrator creates a movement with a phase and a target and sees them on its page', async ({ page, loginAs }) => {
    await loginAs('admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Chuyển đổi số” giai đoạn 2025–2030/ })).toBeVisible();

    // The filters narrow the list (and live in the URL).
    await choose(page, 'Cấp phát động', 'Sở, ngành');
    await expect(page).toHaveURL(/level=department/);
    await expect(page.getByRole('link', { name: /ngành Văn hóa, Thể thao và Du lịch năm 2025/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /giai đoạn 2025–2030/ })).toHaveCount(0);
    // Tokens live in memory: move inside the app (a page load would sign out).
    await page.getByRole('navigation').getByRole('link', { name: 'Phong trào' }).click();
    await expect(page).toHaveURL('/movements');
    await page.getByRole('searchbox', { name: 'Tìm theo tên phong trào' }).fill('100 ngay cao diem');
    await page.getByRole('searchbox', { name: 'Tìm theo tên phong trào' }).press('Enter');
    await expect(page.getByRole('link', { name: /100 ngày cao điểm/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /giai đoạn 2025–2030/ })).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Tìm theo tên phong trào' }).fill('');
    await page.getByRole('searchbox', { name: 'Tìm theo tên phong trào' }).press('Enter');
    await expect(page.getByRole('link', { name: /giai đoạn 2025–2030/ })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'movements.png'), animations: 'disabled' });

    await page.getByRole('button', { name: 'Phát động phong trào' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Phát động phong trào mới' })).toBeVisible();
    const code = `E2E-${Date.now()}`;
    const title = `Thi đua “Công dân số” ${code}`;

    // What the API would refuse is caught in the form first.
    await page.getByLabel('Mã', { exact: true }).fill('mã có dấu');
    await pickDate(page, 'Ngày bắt đầu', '01/03/2026');
    await pickDate(page, 'Ngày kết thúc', '01/01/2026');
    await page.getByRole('button', { name: 'Tạo phong trào' }).click();
    await expect(page.getByText('Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.')).toBeVisible();
    await expect(page.getByText('Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.')).toBeVisible();

    await page.getByLabel('Mã', { exact: true }).fill(code);
    await page.getByLabel('Tên phong trào').fill(title);
    await choose(page, 'Cấp phát động', 'Tỉnh');
    await choose(page, 'Đơn vị phát động', 'UBND tỉnh Đắk Lắk (66)', 'UBND tỉnh');
    await pickDate(page, 'Ngày kết thúc', '31/12/2026');
    await page.getByLabel('Mô tả').fill('Mỗi người dân một danh tính số, mỗi hộ gia đình một tài khoản thanh toán.');
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    await page.getByLabel('Tên nội dung 1').fill('Phổ cập định danh điện tử VNeID mức 2');
    await page.getByRole('button', { name: 'Tạo phong trào' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Dự thảo', { exact: true })).toBeVisible();
    await expect(page.getByText('Phổ cập định danh điện tử VNeID mức 2')).toBeVisible();

    // A phase with a milestone.
    await page.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    const phaseDialog = page.getByRole('dialog', { name: 'Thêm giai đoạn' });
    await phaseDialog.getByLabel('Tên giai đoạn').fill('Giai đoạn 1: Triển khai');
    await pickDate(phaseDialog, 'Ngày bắt đầu', '01/03/2026');
    await pickDate(phaseDialog, 'Ngày kết thúc', '30/06/2026');
    await phaseDialog.getByRole('button', { name: 'Thêm mốc' }).click();
    await phaseDialog.getByLabel('Tên mốc 1').fill('Các xã ban hành kế hoạch');
    await pickDate(phaseDialog, 'Hạn của mốc 1', '31/03/2026');
    await phaseDialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(phaseDialog).toBeHidden();
    await expect(page.getByText('Giai đoạn 1: Triển khai · 01/03/2026 – 30/06/2026')).toBeVisible();
    await expect(page.getByText('Các xã ban hành kế hoạch (Hạn ban hành kế hoạch)')).toBeVisible();
    await expect(page.getByText('31/03/2026', { exact: true })).toBeVisible();

    // A target.
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const targetDialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    await targetDialog.getByLabel('Mã chỉ tiêu').fill('VNEID_M2');
    await targetDialog.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ người trưởng thành có định danh điện tử mức 2');
    await targetDialog.getByLabel('Giá trị ban đầu').fill('60');
    await targetDialog.getByLabel('Giá trị mục tiêu').fill('95');
    await targetDialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(targetDialog).toBeHidden();
    const row = page.getByRole('row', { name: /Tỷ lệ người trưởng thành có định danh điện tử mức 2/ });
    await expect(row).toContainText('VNEID_M2');
    await expect(row).toContainText('60 → 95 (Tăng)');
    await expect(row).toContainText('Chưa có báo cáo được chấp nhận');

    // Launching makes it active.
    await page.getByRole('button', { name: /Phát động$/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Phát động' }).click();
    await expect(page.getByText('Đã phát động phong trào.')).toBeVisible();
    await expect(page.getByText('Đang triển khai', { exact: true })).toBeVisible();
  });

  test('a unit manager files a report that the administrator accepts', async ({ page, loginAs }) => {
    // Signing in from a link keeps the link's page (tokens live in memory: a page load signs out).
    await page.goto(`/login?next=${encodeURIComponent('/movements?q=giai doan 2025')}`);
    await loginAs('manager');
    await page.getByRole('link', { name: /Chuyển đổi số” giai đoạn 2025–2030/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /giai đoạn 2025–2030/ })).toBeVisible();
    const movementUrl = page.url();

    // The manager does not run this movement (the province does): no review buttons, no launch/close.
    await expect(page.getByRole('button', { name: 'Kết thúc' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi báo cáo' });
    await expect(dialog.getByLabel('Đơn vị báo cáo')).toBeVisible();
    await expect(dialog.getByTitle(/Văn hóa, Thể thao và Du lịch/)).toBeVisible(); // by name, not its code
    await pickDate(dialog, 'Kỳ báo cáo đến ngày', '30/06/2026');
    await dialog.getByLabel('Tỷ lệ người dân sử dụng dịch vụ công trực tuyến (Phần trăm)').fill('120');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect(dialog.getByText('Tỷ lệ phần trăm nằm trong khoảng 0 đến 100.')).toBeVisible();
    await dialog.getByLabel('Tỷ lệ người dân sử dụng dịch vụ công trực tuyến (Phần trăm)').fill('90');
    const narrative = `Báo cáo 6 tháng đầu năm 2026 – ${Date.now()}`;
    await dialog.getByLabel('Nội dung báo cáo').fill(narrative);
    await dialog.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await dialog.getByLabel('Tên minh chứng 1').fill('Kế hoạch triển khai');
    await dialog.getByLabel('Đường dẫn minh chứng 1').fill('https://svhttdl.daklak.gov.vn/ke-hoach.pdf');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    const filed = page.getByRole('row', { name: new RegExp(narrative) });
    await expect(filed).toContainText('Chờ duyệt');
    await expect(filed.getByRole('button')).toHaveCount(0);

    // The administrator reviews it.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.goto(`/login?next=${encodeURIComponent(new URL(movementUrl).pathname)}`);
    await loginAs('admin');
    await expect(page.getByRole('heading', { level: 1, name: /giai đoạn 2025–2030/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Báo cáo' }).click();
    const toReview = page.getByRole('row', { name: new RegExp(narrative) });
    await expect(toReview).toContainText('Tỷ lệ người dân sử dụng dịch vụ công trực tuyến: 90'); // the target by name
    await expect(toReview.getByRole('link', { name: 'Kế hoạch triển khai' })).toHaveAttribute('href', 'https://svhttdl.daklak.gov.vn/ke-hoach.pdf');
    await toReview.getByRole('button', { name: /^Chấp nhận báo cáo của/ }).click();
    await expect(page.getByText('Đã chấp nhận báo cáo.')).toBeVisible();
    await expect(toReview).toHaveCount(0); // gone from the reports to review

    await filterBy(page, 'Đã chấp nhận');
    await expect(page.getByRole('row', { name: new RegExp(narrative) })).toContainText('Đã chấp nhận');

    // Its value now counts in the target's progress.
    await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
    await expect(page.getByRole('progressbar', { name: 'Tiến độ chỉ tiêu Tỷ lệ người dân sử dụng dịch vụ công trực tuyến' })).toBeVisible();

    // Participants with their plans; the late ones on their own; the sheet downloads.
    await page.getByRole('tab', { name: 'Đơn vị tham gia' }).click();
    await filterBy(page, 'Kế hoạch trễ hạn');
    const lateRows = page.getByRole('table').getByRole('row').filter({ hasText: 'Kế hoạch trễ hạn' });
    await expect(lateRows.first()).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Kế hoạch đúng hạn' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Nội dung và tiến trình' }).click();
    await expect(page.getByText('Các đơn vị ban hành kế hoạch triển khai (Hạn ban hành kế hoạch)')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'movement-detail.png'), animations: 'disabled', fullPage: true });

    await page.getByRole('tab', { name: 'Đơn vị tham gia' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải danh sách (Excel)' }).click();
    expect((await download).suggestedFilename()).toBe('participants-CDS-2025-2030.xlsx');
  });
});
