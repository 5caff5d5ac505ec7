import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignSchemas } from '@/lib/api/services';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

type ContestOut = CampaignSchemas['ContestOut'];

const CAMPAIGN_ID = '00000000-0000-0000-0000-000000000001';

const CAMPAIGN: CampaignSchemas['CampaignOut'] = {
  id: CAMPAIGN_ID,
  code: 'CDS-2025',
  title: 'Chuyển đổi số năm 2025',
  level: 'province',
  organizer_unit_code: '66',
  parent_id: null,
  starts_on: '2025-01-01',
  ends_on: '2025-12-31',
  status: 'active',
  description: '',
  contents: [],
  objectives: [],
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  allowed_actions: ['add_contest'],
};

const PARTICIPANTS = [
  { unit_code: '66-SNV', unit_name: 'Sở Nội vụ' },
  { unit_code: '66-SVHTTDL', unit_name: 'Sở Văn hóa, Thể thao và Du lịch' },
].map((unit) => ({ ...unit, cluster: null, joined_at: '2025-01-01T00:00:00Z', plan_status: 'on_time' as const, allowed_actions: [] }));

function contest(id: string, title: string): ContestOut {
  return {
    id,
    campaign_id: CAMPAIGN_ID,
    title,
    rules: '',
    audience: 'all',
    status: 'draft',
    // The contest follows the movement: the service answers every participant here.
    unit_codes: PARTICIPANTS.map((unit) => unit.unit_code),
    questions_per_attempt: 15,
    time_limit_seconds: 900,
    attempts_per_round: 1,
    prediction_question: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    allowed_actions: ['edit'],
  };
}

/** The contests page's API over a list of contests the test's POST and PATCH change; every request is recorded. */
function serve(contests: ContestOut[]) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = mockFetch((url, _init, request) => {
    const path = new URL(url).pathname;
    const method = request?.method ?? 'GET';
    if (method !== 'GET') {
      // The body is read after the answer; the dialog waits for it anyway.
      const entry = { method, path, body: undefined as unknown };
      sent.push(entry);
      void request?.clone().json().then((body: unknown) => { entry.body = body; });
    }
    if (path.endsWith(`/v1/campaigns/${CAMPAIGN_ID}/contests`)) {
      if (method === 'POST') {
        const created = contest('00000000-0000-0000-0000-0000000000c2', 'Tìm hiểu Đề án 06 (vòng hai)');
        contests.push(created);
        return jsonResponse(created, 201);
      }
      return jsonResponse({ items: contests, total: contests.length });
    }
    const patched = /\/v1\/contests\/([^/]+)$/.exec(path);
    if (patched && method === 'PATCH') {
      const index = contests.findIndex((item) => item.id === patched[1]);
      const current = contests[index];
      if (!current) return new Response(null, { status: 404 });
      const updated = { ...current, title: 'Tìm hiểu Đề án 06 (đã sửa)' };
      contests[index] = updated;
      return jsonResponse(updated);
    }
    if (path.endsWith(`/v1/campaigns/${CAMPAIGN_ID}`)) return jsonResponse(CAMPAIGN);
    if (path.endsWith('/participants')) return jsonResponse({ items: PARTICIPANTS, total: PARTICIPANTS.length });
    if (/\/(rounds|units|initiative-judgings)$/.test(path)) return jsonResponse({ items: [], total: 0 });
    return new Response(null, { status: 404 });
  });
  return { fetchMock, sent };
}

const PAGE = `/movements/${CAMPAIGN_ID}/contests`;

/** The open dialog, checked by its title (in jsdom antd gives every title the same id, so no dialog has a name). */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText(title, { selector: '.ant-modal-title' })).toBeInTheDocument();
  return dialog;
}

describe('a movement’s contests page: creating and editing a contest', () => {
  it('shows the contest just created, not the first of the list', async () => {
    serve([contest('00000000-0000-0000-0000-0000000000c1', 'Tìm hiểu Đề án 06')]);
    const { user } = renderApp(PAGE, { signedInAs: ['admin'] });
    expect(await screen.findByRole('heading', { level: 3, name: /Tìm hiểu Đề án 06/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Tạo cuộc thi/ }));
    const dialog = await dialogTitled('Tạo cuộc thi');
    await user.click(within(dialog).getByLabelText('Tên cuộc thi'));
    await user.paste('Tìm hiểu Đề án 06 (vòng hai)');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('heading', { level: 3, name: /Tìm hiểu Đề án 06 \(vòng hai\)/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  it('sends only the changed title when a contest is edited: the unit list it follows is left alone', async () => {
    const { sent } = serve([contest('00000000-0000-0000-0000-0000000000c1', 'Tìm hiểu Đề án 06')]);
    const { user } = renderApp(PAGE, { signedInAs: ['admin'] });
    await user.click(await screen.findByRole('button', { name: /Sửa thiết lập/ }));
    const dialog = await dialogTitled('Thiết lập cuộc thi “Tìm hiểu Đề án 06”');
    // The form opens on the units the service answered.
    expect(within(dialog).getByText('Sở Nội vụ')).toBeInTheDocument();
    const title = within(dialog).getByLabelText('Tên cuộc thi');
    await user.clear(title);
    await user.paste('Tìm hiểu Đề án 06 (đã sửa)');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByRole('heading', { level: 3, name: /Tìm hiểu Đề án 06 \(đã sửa\)/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(sent).toEqual([
        { method: 'PATCH', path: expect.stringMatching(/\/v1\/contests\/00000000-0000-0000-0000-0000000000c1$/) as unknown, body: { title: 'Tìm hiểu Đề án 06 (đã sửa)' } },
      ]);
    });
  });
});
