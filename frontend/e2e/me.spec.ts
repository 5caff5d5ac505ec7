import path from 'node:path';
import { DEMO_ACCOUNTS } from './accounts';
import { SCREENSHOTS_DIR, expect, test } from './fixtures';
import { adminHeaders, learnerIdOf, putRecord } from './literacy-api';

test.use({ viewport: { width: 360, height: 740 } });

test('a learner on a 360-px phone sees their courses, certificate, competences and hours', async ({
  page,
  loginAs,
  request,
}) => {
  // The demo learner (created by the setup project) gets one finished and one running course.
  const headers = await adminHeaders(request);
  const learnerId = await learnerIdOf(request, headers, DEMO_ACCOUNTS.learner.username);
  await putRecord(request, headers, learnerId, { course_code: 'VNEID-DVC', status: 'completed', enrolled_on: '2025-09-01', completed_on: '2025-09-20' });
  await putRecord(request, headers, learnerId, { course_code: 'AN-TOAN-MANG', status: 'in_progress', progress: 40, enrolled_on: '2025-10-01' });

  await loginAs('learner');
  await expect(page).toHaveURL('/me');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiến độ học tập của tôi' })).toBeVisible();

  const courses = page.getByRole('region', { name: 'Khóa học của tôi' });
  const finished = courses.getByRole('listitem').filter({ hasText: 'Sử dụng VNeID và dịch vụ công trực tuyến' });
  await expect(finished.getByText('Hoàn thành', { exact: true })).toBeVisible();
  await expect(finished.getByText('Hoàn thành ngày 20/09/2025')).toBeVisible();
  const running = courses.getByRole('listitem').filter({ hasText: 'phòng chống lừa đảo' });
  await expect(running.getByText('Đang học')).toBeVisible();
  await expect(running.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');

  const certificates = page.getByRole('region', { name: 'Chứng nhận' });
  const verify = certificates.getByRole('link', { name: 'Kiểm tra chứng nhận' });
  await expect(verify).toBeVisible();
  await expect(certificates.getByRole('link', { name: /Tải PDF/ })).toHaveAttribute('href', /\/api\/literacy\/v1\/certificates\/.+\.pdf$/);
  // The verification link opens the public page (what the PDF's QR code opens), which says the certificate is valid.
  const href = (await verify.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/verify\/[A-Za-z2-7-]+$/);
  const code = href.split('/').at(-1) ?? '';
  const verification = await request.get(`/api/literacy/v1/certificates/${code}`);
  expect(verification.status()).toBe(200);
  expect(await verification.json()).toMatchObject({ valid: true, revoked: false, course_code: 'VNEID-DVC' });

  await expect(page.getByRole('region', { name: 'Năng lực số đã đạt' }).getByText(/VN\.1\.1/)).toBeVisible();
  await expect(page.getByText('Giờ đã học')).toBeVisible();

  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document).toBeLessThanOrEqual(360);
  expect(widths.body).toBeLessThanOrEqual(360);

  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'me-mobile.png'), fullPage: true, animations: 'disabled' });
});
