import path from 'node:path';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { adminHeaders, putRecord, seedCommuneCode } from './literacy-api';

/** A learner in the register without an account yet: a national ID no other test uses. */
async function registerLearner(request: Parameters<typeof adminHeaders>[0], nationalId: string) {
  const headers = await adminHeaders(request);
  const commune = await seedCommuneCode(request, headers);
  const created = await request.post('/api/literacy/v1/learners', {
    headers,
    data: {
      national_id: nationalId,
      full_name: 'Phạm Thị Lan',
      date_of_birth: '1985-03-08',
      gender: 'female',
      category: 'citizen',
      commune_code: commune,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { headers, id: ((await created.json()) as { id: string }).id };
}

test.describe('on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a learner in the register signs up from the login page, then signs in', async ({ page, request, allowHttpError }) => {
    const nationalId = `0661850${String(Date.now()).slice(-5)}`;
    await registerLearner(request, nationalId);

    await page.goto('/login');
    await page.getByRole('link', { name: 'Đăng ký tài khoản người học' }).click();
    await expect(page).toHaveURL('/signup');
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản người học' })).toBeVisible();

    // A wrong birth date gets the one refusal that tells nothing about which part was wrong.
    allowHttpError({ status: 403, url: '/api/campaign/v1/auth/signup' });
    await page.getByLabel('Số CCCD').fill(nationalId);
    await page.getByLabel('Ngày sinh').fill('09/03/1985');
    await page.getByLabel(/Mật khẩu$/).fill('HocVien@2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('HocVien@2026');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByRole('alert')).toContainText('Không tạo được tài khoản với các thông tin này.');

    await page.getByLabel('Ngày sinh').fill('08/03/1985');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByText('Đã tạo tài khoản.', { exact: false })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'signup-mobile.png'), fullPage: true, animations: 'disabled' });

    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Tên đăng nhập').fill(nationalId);
    await page.getByLabel('Mật khẩu').fill('HocVien@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL('/me');
  });

  test('the certificate QR code opens a Vietnamese page: valid, course, masked name, issue date', async ({ page, request }) => {
    const nationalId = `0661851${String(Date.now()).slice(-5)}`;
    const { headers, id } = await registerLearner(request, nationalId);
    await putRecord(request, headers, id, { course_code: 'VNEID-DVC', status: 'completed', enrolled_on: '2025-09-01', completed_on: '2025-09-20' });
    const records = await request.get('/api/literacy/v1/records', { headers, params: { learner_id: id } });
    const { items } = (await records.json()) as { items: { certificate_code: string | null }[] };
    const code = items.find((item) => item.certificate_code)?.certificate_code ?? '';
    expect(code).not.toBe('');

    await page.goto(`/verify/${code}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra giấy chứng nhận' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Giấy chứng nhận hợp lệ' })).toBeVisible();
    await expect(page.getByText('Sử dụng VNeID và dịch vụ công trực tuyến')).toBeVisible();
    await expect(page.getByText('Phạm T. L.')).toBeVisible();
    await expect(page.getByText('Phạm Thị Lan')).toHaveCount(0);
    await expect(page.getByText('20/09/2025')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'verify-mobile.png'), fullPage: true, animations: 'disabled' });

    const widths = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widths).toBeLessThanOrEqual(360);
  });
});

test('an unknown certificate code is said to be unknown', async ({ page, allowHttpError }) => {
  allowHttpError({ status: 404, url: '/api/literacy/v1/certificates/' });
  await page.goto('/verify/AAAA-BBBB-CCCC-DDDD');
  await expect(page.getByRole('heading', { level: 2, name: 'Không tìm thấy giấy chứng nhận' })).toBeVisible();
});
