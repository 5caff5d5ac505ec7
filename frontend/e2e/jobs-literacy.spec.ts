/**
 * The literacy jobs of an administrator: register a learner, open, correct (with the keyboard only),
 * record a completed course, revoke its certificate, erase the learner after reading what erasure does.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_ACCOUNTS } from './accounts';
import { adminHeaders, seedCommuneCode } from './literacy-api';

/** Tab (Shift+Tab never needed here) until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  for (let step = 0; step < most; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('an administrator registers a learner, corrects them with the keyboard, records a course, revokes its certificate and erases them', async ({
  page,
  loginAs,
  request,
}) => {
  test.setTimeout(180_000);
  const commune = await seedCommuneCode(request, await adminHeaders(request));
  const nationalId = `0661${String(Date.now()).slice(-8)}`;
  await loginAs('admin');
  await page.goto('/literacy/learners');
  await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu học viên' })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm học viên' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm học viên' });
  await form.getByLabel('Số CCCD').fill(nationalId);
  await form.getByLabel('Họ và tên').fill('Trần Thị Thử Nghiệm');
  // The date picker takes typed text on Enter; a busy browser may still be opening its panel, so type
  // until the field holds the date, then make sure the gender is chosen.
  const birth = form.getByLabel('Ngày sinh');
  await expect(async () => {
    await birth.fill('12/03/1988');
    await birth.press('Enter');
    await expect(birth).toHaveValue('12/03/1988', { timeout: 2_000 });
  }).toPass();
  await expect(async () => {
    await form.getByLabel('Giới tính').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('Nữ').click({ timeout: 2_000 });
    await expect(form.getByLabel('Giới tính')).not.toHaveAttribute('aria-invalid', 'true', { timeout: 2_000 });
  }).toPass();
  await form.getByLabel('Mã xã/phường').fill(commune);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã thêm học viên Trần Thị Thử Nghiệm.')).toBeVisible();

  // The learner's page: the ID masked, the birth date day first.
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ học viên' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trần Thị Thử Nghiệm' })).toBeVisible();
  await expect(page.getByText(/^066\*{6}\d{3}$/)).toBeVisible();
  await expect(page.getByText('12/03/1988')).toBeVisible();

  // A correction with the keyboard only: Tab to the button, Enter, Tab to the name, type, Enter.
  await tabTo(page, page.getByRole('button', { name: 'Sửa thông tin' }));
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Sửa thông tin học viên' });
  await expect(edit).toBeVisible();
  const name = edit.getByLabel('Họ và tên');
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Trần Thị Đã Sửa');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã lưu thông tin học viên.')).toBeVisible();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Trần Thị Đã Sửa' })).toBeVisible();

  // A completed course: its certificate shows, and opens the public check.
  await page.getByRole('button', { name: 'Ghi nhận khóa học' }).click();
  const record = page.getByRole('dialog', { name: 'Ghi nhận khóa học' });
  await record.getByLabel('Khóa học', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await record.getByLabel('Trạng thái').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('Hoàn thành').click();
  await record.getByLabel('Tiến độ').fill('100');
  await record.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã ghi nhận khóa học.')).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Hoàn thành', exact: true }) });
  await expect(row).toContainText('100%');
  const code = (await row.getByRole('link').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);

  await row.getByRole('button', { name: `Thu hồi chứng nhận ${code}` }).click();
  const revoke = page.getByRole('dialog', { name: `Thu hồi chứng nhận ${code}?` });
  await revoke.getByLabel('Lý do thu hồi').fill('Cấp nhầm khóa học');
  await revoke.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(page.getByText(`Đã thu hồi chứng nhận ${code}.`)).toBeVisible();
  const verified = await request.get(`/api/literacy/v1/certificates/${code}`);
  expect(((await verified.json()) as { revoked: boolean }).revoked).toBe(true);

  // Erasure, with the keyboard: the dialog says what it does before anything happens.
  await tabTo(page, page.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }));
  await page.keyboard.press('Enter');
  const erase = page.getByRole('dialog', { name: 'Xóa dữ liệu cá nhân của Trần Thị Đã Sửa?' });
  await expect(erase).toContainText('xóa họ tên, ngày sinh, dân tộc, số CCCD và số điện thoại');
  await expect(erase).toContainText('giữ lại các kết quả học tập ở dạng ẩn danh');
  await expect(erase).toContainText('Không thể hoàn tác');
  await tabTo(page, erase.getByRole('button', { name: 'Xóa vĩnh viễn' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã xóa dữ liệu cá nhân của học viên.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu học viên' })).toBeVisible();
  const gone = await request.get('/api/literacy/v1/learners', { headers: await adminHeaders(request), params: { national_id: nationalId } });
  expect(((await gone.json()) as { items: unknown[] }).items).toHaveLength(0);
});

test("a manager opens a learner of the unit and is offered exactly what the learner's allowed_actions say (never erasure)", async ({ page, loginAs, request }) => {
  const headers = await adminHeaders(request);
  const created = await request.post('/api/literacy/v1/learners', {
    headers,
    data: {
      national_id: `0662${String(Date.now()).slice(-8)}`,
      full_name: 'Hoàng Văn Đơn Vị',
      date_of_birth: '1979-11-02',
      gender: 'male',
      commune_code: await seedCommuneCode(request, headers),
      category: 'public_employee',
      unit_code: '66-SVHTTDL',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const { username, password } = DEMO_ACCOUNTS.manager;
  const login = await request.post('/api/campaign/v1/auth/token', { form: { grant_type: 'password', username, password } });
  const managerHeaders = { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
  const seen = await request.get(`/api/literacy/v1/learners/${id}`, { headers: managerHeaders });
  expect(seen.status()).toBe(200);
  const allowed = ((await seen.json()) as { allowed_actions: string[] }).allowed_actions;
  expect(allowed).not.toContain('erase');

  await loginAs('manager');
  await page.goto(`/literacy/learners/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Hoàng Văn Đơn Vị' })).toBeVisible();
  await expect(page.getByText('Viên chức')).toBeVisible();
  await expect(page.getByText('02/11/1979')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả học tập và chứng nhận' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xóa dữ liệu cá nhân' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sửa thông tin' })).toHaveCount(allowed.includes('edit') ? 1 : 0);
  await expect(page.getByRole('button', { name: 'Ghi nhận khóa học' })).toHaveCount(allowed.includes('add_record') ? 1 : 0);
});
