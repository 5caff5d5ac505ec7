/** A manager corrects and resubmits a report that was returned: the dialog starts from the stored report. */
import { expect, test } from './fixtures';
import { adminHeaders } from './literacy-api';

test('a manager resubmits a returned report, starting from what is stored', async ({ page, loginAs, request }) => {
  const headers = await adminHeaders(request);
  const unit = '66-SVHTTDL';
  const campaigns = (await (await request.get('/api/campaign/v1/campaigns', { headers, params: { limit: 100, status: 'active' } })).json()) as {
    items: { id: string; title: string }[];
  };
  let found: { id: string; title: string; target: string } | undefined;
  for (const campaign of campaigns.items) {
    const participants = (await (await request.get(`/api/campaign/v1/campaigns/${campaign.id}/participants`, { headers })).json()) as { items: { unit_code: string }[] };
    const targets = (await (await request.get(`/api/campaign/v1/campaigns/${campaign.id}/targets`, { headers })).json()) as { items: { code: string }[] };
    const target = targets.items[0]?.code;
    if (target && participants.items.some((item) => item.unit_code === unit)) {
      found = { ...campaign, target };
      break;
    }
  }
  expect(found, 'a seeded active movement the unit takes part in').toBeDefined();
  const { id, title, target } = found ?? { id: '', title: '', target: '' };
  const filed = await request.post(`/api/campaign/v1/campaigns/${id}/reports`, {
    headers,
    data: { unit_code: unit, period_end: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), values: { [target]: 12 }, narrative: 'Báo cáo quý II (thử)' },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const report = (await filed.json()) as { id: string };
  const returned = await request.post(`/api/campaign/v1/reports/${report.id}/return`, { headers, data: { review_note: 'Thiếu minh chứng (thử)' } });
  expect(returned.status(), await returned.text()).toBe(200);

  await loginAs('manager');
  await page.goto(`/movements/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('tab', { name: 'Báo cáo' }).click();
  await page.locator('label.ant-radio-button-wrapper').filter({ hasText: 'Đã trả lại' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Báo cáo quý II (thử)' });
  await expect(row).toContainText('Thiếu minh chứng (thử)');
  await row.getByRole('button', { name: /Sửa và gửi lại báo cáo của/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa và gửi lại báo cáo' });
  const narrative = dialog.getByLabel('Nội dung báo cáo');
  await expect(narrative).toHaveValue('Báo cáo quý II (thử)');
  await narrative.fill('Báo cáo quý II, đã bổ sung (thử)');
  await dialog.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(page.getByText('Đã gửi lại báo cáo.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const stored = (await (await request.get(`/api/campaign/v1/reports/${report.id}`, { headers })).json()) as { status: string; narrative: string };
  expect(stored).toMatchObject({ status: 'submitted', narrative: 'Báo cáo quý II, đã bổ sung (thử)' });
});
