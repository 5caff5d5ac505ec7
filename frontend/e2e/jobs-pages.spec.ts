/**
 * The dashboard pages for contests, judging, registrations, dossiers and decisions, each through the real
 * stack: a contest created and edited, a unit's dossier with a PDF, a registration approved on its page, a
 * decision's page and its PDF, a round of initiative judging set up. Each test prepares a movement of its
 * own through the API (the seeded decision excepted, which it only reads).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoRole } from './accounts';
import { choose } from './antd';
import { campaignPost, createMovement } from './campaign-api';
import { expect, test } from './fixtures';
import { adminHeaders } from './literacy-api';

const CULTURE = { code: '66-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' } as const;
const HOME_AFFAIRS = { code: '66-SNV', name: 'Sở Nội vụ' } as const;
const HEALTH = { code: '66-SYT', name: 'Sở Y tế' } as const;
/** The decision the demo seed issues (the council's 2025 session, awarding the Culture department). */
const SEEDED_DECISION = '125/QĐ-UBND';

/** Signs in from a link, which keeps the link's page. */
async function signInTo(page: Page, loginAs: (role: DemoRole) => Promise<unknown>, role: DemoRole, to: string) {
  await page.goto(`/login?next=${encodeURIComponent(to)}`);
  await loginAs(role);
  await expect(page).toHaveURL(to);
}

/** The value of a page's description field labelled `label` (e.g. "Trạng thái"), bordered or not. */
const described = (page: Page, label: string) =>
  page
    .locator('.ant-descriptions-item-label')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::*[1]');

/** A small but real PDF (the server reads the type from its bytes). */
function pdfBytes(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj',
      `4 0 obj << /Length ${stream.length} >> stream`,
      stream,
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
  );
}

test.describe('dashboard jobs: contests, judging, registrations, dossiers, decisions', () => {
  // Journeys through several forms on a machine that may be busy.
  test.describe.configure({ timeout: 180_000 });

  test('an organiser creates a contest beside another, edits it, and finds the edit after a reload', async ({ page, loginAs, request }) => {
    const headers = await adminHeaders(request);
    const movement = await createMovement(request, headers, { name: 'Phong trào có cuộc thi', unitCodes: [CULTURE.code, HOME_AFFAIRS.code] });
    // A contest is there already: the new one must be the one shown once created.
    await campaignPost(request, headers, `/v1/campaigns/${movement.id}/contests`, { title: 'Cuộc thi có sẵn' });
    const contestsUrl = `/movements/${movement.id}/contests`;
    const stamp = String(Date.now()).slice(-6);
    const title = `Tìm hiểu chuyển đổi số ${stamp}`;
    const edited = `Tìm hiểu chuyển đổi số, vòng tỉnh ${stamp}`;

    await signInTo(page, loginAs, 'admin', contestsUrl);
    await expect(page.getByRole('heading', { level: 3, name: /Cuộc thi có sẵn/ })).toBeVisible();
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    const create = page.getByRole('dialog', { name: 'Tạo cuộc thi' });
    await create.getByLabel('Tên cuộc thi').fill(title);
    await create.getByLabel('Thể lệ').fill('Mỗi người thi một lần mỗi đợt.');
    await create.getByRole('button', { name: 'Lưu' }).click();
    await expect(create).toBeHidden();
    await expect(page.getByRole('heading', { level: 3, name: title })).toContainText('Bản nháp');

    await page.getByRole('button', { name: 'Sửa thiết lập' }).click();
    const edit = page.getByRole('dialog', { name: `Thiết lập cuộc thi “${title}”` });
    await expect(edit.getByLabel('Tên cuộc thi')).toHaveValue(title);
    await edit.getByLabel('Tên cuộc thi').fill(edited);
    await edit.getByLabel('Số câu mỗi bài').fill('10');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('heading', { level: 3, name: edited })).toBeVisible();

    // A unit joins the movement after the edit: a contest that follows the movement's units offers it too.
    await campaignPost(request, headers, `/v1/campaigns/${movement.id}/participants`, { unit_codes: [HEALTH.code] });

    // A reload keeps the session (restored from its cookie) and reads everything afresh.
    await page.reload();
    await choose(page, 'Cuộc thi', edited);
    await expect(page.getByRole('heading', { level: 3, name: edited })).toBeVisible();
    await page.getByRole('button', { name: 'Sửa thiết lập' }).click();
    const reopened = page.getByRole('dialog', { name: `Thiết lập cuộc thi “${edited}”` });
    await expect(reopened.getByLabel('Tên cuộc thi')).toHaveValue(edited);
    await expect(reopened.getByLabel('Số câu mỗi bài')).toHaveValue('10');
    const units = reopened.locator('.ant-form-item').filter({ hasText: 'Đơn vị người dự thi chọn' });
    for (const unit of [CULTURE, HOME_AFFAIRS, HEALTH]) {
      await expect(units.getByTitle(unit.name, { exact: true })).toBeVisible();
    }
    await reopened.getByRole('button', { name: 'Hủy' }).click();
    await expect(reopened).toBeHidden();
  });

  test('a unit’s manager files a dossier with a PDF attached; its page lists the file', async ({ page, loginAs, request }) => {
    const movement = await createMovement(request, await adminHeaders(request), { name: 'Phong trào có hồ sơ', unitCodes: [CULTURE.code] });
    const stamp = String(Date.now()).slice(-6);
    const title = `Hồ sơ đề nghị khen thưởng ${stamp}`;
    const fileName = `bao-cao-thanh-tich-${stamp}.pdf`;

    await signInTo(page, loginAs, 'manager', `/recognition/dossiers?campaign=${movement.id}`);
    await page.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập hồ sơ đề nghị' });
    // The manager files for one unit: it is chosen already, by name.
    await expect(dialog.getByTitle(CULTURE.name, { exact: true })).toBeVisible();
    await dialog.getByLabel('Hồ sơ', { exact: true }).fill(title);
    await dialog.getByLabel('Tên đối tượng 1').fill('Lê Văn Nam');
    await choose(page, 'Danh hiệu hoặc hình thức khen của người được đề nghị 1', 'Lao động tiên tiến');
    await dialog.getByLabel('Thành tích của người được đề nghị 1').fill('Số hóa toàn bộ hồ sơ di tích của tỉnh');
    await dialog.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdfBytes('Bao cao thanh tich') });
    // Uploaded at once and listed in the form before it is saved.
    await expect(dialog.getByText(fileName)).toBeVisible();
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Đã lập hồ sơ (bản nháp). Hãy kiểm tra rồi gửi.')).toBeVisible();
    await expect(described(page, 'Trạng thái')).toHaveText('Nháp');
    await expect(page.getByRole('cell', { name: 'Lê Văn Nam' })).toBeVisible();
    const files = page.locator('.ant-card').filter({ has: page.getByText('Tài liệu kèm theo', { exact: true }) });
    await expect(files.getByRole('button', { name: fileName })).toBeVisible();
  });

  test('the organiser approves a unit’s registration on its page', async ({ page, loginAs, request }) => {
    const headers = await adminHeaders(request);
    const movement = await createMovement(request, headers, { name: 'Phong trào có đăng ký', unitCodes: [CULTURE.code] });
    const registration = await campaignPost(request, headers, `/v1/campaigns/${movement.id}/registrations`, {
      unit_code: CULTURE.code,
      year: 2026,
      entries: [
        { subject_type: 'collective', subject_name: CULTURE.name, title_code: 'TAP_THE_LD_XUAT_SAC' },
        { subject_type: 'individual', subject_name: 'Trần Thị Mai', title_code: 'LAO_DONG_TIEN_TIEN' },
      ],
    });
    await campaignPost(request, headers, `/v1/registrations/${registration.id ?? ''}/submit`, {});

    await signInTo(page, loginAs, 'admin', `/recognition/registrations?campaign=${movement.id}`);
    await page.getByRole('link', { name: CULTURE.name }).click();
    await expect(page).toHaveURL(`/recognition/registrations/${registration.id ?? ''}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký danh hiệu thi đua' })).toBeVisible();
    await expect(described(page, 'Phong trào')).toContainText(movement.title);
    await expect(described(page, 'Trạng thái')).toHaveText('Đã gửi');
    await expect(page.getByRole('row').filter({ hasText: 'Trần Thị Mai' })).toContainText('Lao động tiên tiến');

    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect(page.getByText('Đã duyệt bản đăng ký.')).toBeVisible();
    await expect(described(page, 'Trạng thái')).toHaveText('Đã duyệt');
    await expect(page.getByRole('button', { name: 'Duyệt', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Trả lại', exact: true })).toHaveCount(0);
  });

  test('a decision’s page shows the decision, and its PDF downloads', async ({ page, loginAs }) => {
    await signInTo(page, loginAs, 'admin', '/recognition/decisions');
    await page.getByRole('link', { name: SEEDED_DECISION, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Quyết định số ${SEEDED_DECISION}` })).toBeVisible();
    await expect(described(page, 'Trạng thái')).toHaveText('Có hiệu lực');
    await expect(described(page, 'Người ký')).toContainText('Nguyễn Văn Tỉnh');
    await expect(described(page, 'Ngày ký')).toContainText('26/12/2025');
    await expect(described(page, 'Danh hiệu, hình thức')).toContainText('Tập thể lao động xuất sắc');
    const awardees = page.locator('.ant-card').filter({ has: page.getByText('Được khen thưởng', { exact: true }) });
    await expect(awardees.getByRole('row').filter({ hasText: CULTURE.name })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải bản PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('quyet-dinh-125-QĐ-UBND.pdf');
    const bytes = await readFile(await pdf.path());
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the organiser sets up a round of initiative judging; its page shows it', async ({ page, loginAs, request }) => {
    const headers = await adminHeaders(request);
    const movement = await createMovement(request, headers, { name: 'Phong trào có sáng kiến', unitCodes: [CULTURE.code] });
    const initiative = 'Một cửa số cấp xã';
    await campaignPost(request, headers, `/v1/campaigns/${movement.id}/initiatives`, { title: initiative, unit_code: CULTURE.code, authors: ['Lê Thị Hoa'] });
    const round = `Chấm sáng kiến cải cách hành chính ${String(Date.now()).slice(-6)}`;
    const judge = DEMO_ACCOUNTS.council.fullName;

    await signInTo(page, loginAs, 'admin', `/movements/${movement.id}/contests`);
    const judging = page.locator('.ant-card').filter({ hasText: 'Cuộc thi sáng kiến cải cách hành chính' });
    await expect(judging.getByText('Phong trào chưa có đợt chấm sáng kiến nào.')).toBeVisible();
    await judging.getByRole('button', { name: 'Lập vòng chấm sáng kiến' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập vòng chấm sáng kiến' });
    await dialog.getByLabel('Tên vòng chấm').fill(round);
    await choose(page, 'Giám khảo', judge);
    await dialog.getByLabel('Tên vòng chấm').click(); // closes the list of judges
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();

    await expect(judging.getByText(`Giám khảo: ${judge}`)).toBeVisible();
    await expect(judging.getByRole('row').filter({ hasText: initiative })).toContainText('0/1');
    await judging.getByRole('link', { name: round }).click();
    await expect(page).toHaveURL(new RegExp(`/movements/${movement.id}/judgings/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { level: 1, name: round })).toBeVisible();
    await expect(page.getByText(`Giám khảo: ${judge}`)).toBeVisible();
    await expect(page.getByText('Tiêu chí: Tính mới, sáng tạo (30), Hiệu quả mang lại (40), Phạm vi ảnh hưởng, khả năng nhân rộng (30)')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: initiative });
    await expect(row).toContainText(CULTURE.name);
    await expect(row).toContainText('0/1');
    await page.getByRole('link', { name: '← Về trang cuộc thi của phong trào' }).click();
    await expect(page).toHaveURL(`/movements/${movement.id}/contests`);
  });
});
