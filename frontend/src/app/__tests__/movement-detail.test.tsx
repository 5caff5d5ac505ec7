import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignSchemas } from '@/lib/api/services';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

type CampaignAction = CampaignSchemas['CampaignAction'];
type ReportAction = CampaignSchemas['ReportAction'];
type ParticipantAction = CampaignSchemas['ParticipantAction'];

const ID = '00000000-0000-0000-0000-000000000007';

function campaign(allowed: CampaignAction[]): CampaignSchemas['CampaignOut'] {
  return {
    id: ID,
    code: 'CDS-2025-2030',
    title: 'Thi đua “Chuyển đổi số” giai đoạn 2025–2030',
    level: 'province',
    organizer_unit_code: '66',
    parent_id: null,
    starts_on: '2025-01-01',
    ends_on: '2030-12-31',
    status: 'active',
    description: '',
    contents: [],
    objectives: [],
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    allowed_actions: allowed,
  };
}

function participant(unit: string, name: string, allowed: ParticipantAction[]): CampaignSchemas['ParticipantOut'] {
  return { unit_code: unit, unit_name: name, cluster: null, joined_at: '2025-01-01T00:00:00Z', plan_status: 'on_time', allowed_actions: allowed };
}

function report(id: string, unit: string, status: CampaignSchemas['ReportStatus'], allowed: ReportAction[]): CampaignSchemas['ReportOut'] {
  return {
    id,
    campaign_id: ID,
    unit_code: unit,
    period_end: '2026-06-30',
    values: {},
    narrative: `Báo cáo ${id}`,
    evidence: [],
    status,
    review_note: null,
    submitted_at: '2026-07-01T00:00:00Z',
    reviewed_at: null,
    allowed_actions: allowed,
  };
}

const SUMMARY = {
  campaign_id: ID,
  status: 'active',
  participants: 2,
  plans: { on_time: 2, late: 0, missing: 0 },
  reports: { submitted: 2, accepted: 1, returned: 0 },
  targets: [],
  days_left: 100,
};

function serve(movement: CampaignSchemas['CampaignOut'], participants: CampaignSchemas['ParticipantOut'][], reports: CampaignSchemas['ReportOut'][]) {
  return mockFetch((url) => {
    const path = new URL(url).pathname;
    if (path.endsWith(`/v1/campaigns/${ID}`)) return jsonResponse(movement);
    if (path.endsWith('/summary')) return jsonResponse(SUMMARY);
    if (path.endsWith('/participants')) return jsonResponse({ items: participants, total: participants.length });
    if (path.endsWith('/reports')) {
      const status = new URL(url).searchParams.get('status');
      const listed = reports.filter((item) => !status || item.status === status);
      return jsonResponse({ items: listed, total: listed.length });
    }
    if (/\/(phases|targets|initiatives|commendations)$/.test(path)) return jsonResponse({ items: [], total: 0 });
    return new Response(null, { status: 404 });
  });
}

const HEADER_BUTTONS = ['Sửa', 'Phát động', 'Kết thúc', 'Gửi báo cáo'];

/** The movement's own buttons in its header, by their words. */
function headerButtons(): string[] {
  const names = screen.queryAllByRole('button').map((button) => button.textContent.trim());
  return HEADER_BUTTONS.filter((name) => names.includes(name));
}

async function openReports(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('tab', { name: 'Báo cáo' }));
  // antd hides the radio input itself: click its label.
  await user.click(within(screen.getByRole('radiogroup', { name: 'Lọc theo trạng thái báo cáo' })).getByText('Tất cả'));
}

describe('a movement’s page shows the controls its allowed_actions list, and no others', () => {
  it('a movement that allows nothing (a viewer) has no action at all, and its reports none either', async () => {
    serve(campaign([]), [participant('66-SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', [])], [report('r1', '66-SVHTTDL', 'submitted', [])]);
    const { user } = renderApp(`/movements/${ID}`, { signedInAs: ['viewer'] });

    expect(await screen.findByRole('heading', { level: 1, name: /Chuyển đổi số/ })).toBeInTheDocument();
    expect(headerButtons()).toEqual([]);
    expect(screen.queryByRole('button', { name: /Thêm giai đoạn/ })).not.toBeInTheDocument();

    await openReports(user);
    const row = await screen.findByRole('row', { name: /Báo cáo r1/ });
    expect(within(row).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('columnheader', { name: 'Duyệt' })).not.toBeInTheDocument();
  });

  it('a movement that does not allow export_participants offers no participants sheet', async () => {
    serve(campaign([]), [participant('66-SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', [])], []);
    const { user } = renderApp(`/movements/${ID}`, { signedInAs: ['viewer'] });

    await user.click(await screen.findByRole('tab', { name: 'Đơn vị tham gia' }));
    expect(await screen.findByRole('row', { name: /Sở Văn hóa/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tải danh sách \(Excel\)/ })).not.toBeInTheDocument();
  });

  const RUNS: CampaignAction[] = ['edit', 'close', 'add_phase', 'add_target', 'export_participants'];
  const PARTICIPANTS = [participant('66-SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', []), participant('66-SYT', 'Sở Y tế', [])];

  it('who runs the movement sees the movement’s actions it allows, and no others', async () => {
    serve(campaign(RUNS), PARTICIPANTS, []);
    const { user } = renderApp(`/movements/${ID}`, { signedInAs: ['admin'] });

    expect(await screen.findByRole('heading', { level: 1, name: /Chuyển đổi số/ })).toBeInTheDocument();
    expect(headerButtons()).toEqual(['Sửa', 'Kết thúc']);
    expect(screen.getByRole('button', { name: /Thêm giai đoạn/ })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Đơn vị tham gia' }));
    expect(await screen.findByRole('button', { name: /Tải danh sách \(Excel\)/ })).toBeInTheDocument();
  });

  it('shows on each report exactly the review its allowed_actions lists', async () => {
    serve(campaign(RUNS), PARTICIPANTS, [
      report('r1', '66-SVHTTDL', 'submitted', ['accept', 'return']),
      report('r2', '66-SYT', 'submitted', ['return']),
      report('r3', '66-SYT', 'accepted', []),
    ]);
    const { user } = renderApp(`/movements/${ID}`, { signedInAs: ['admin'] });

    expect(await screen.findByRole('heading', { level: 1, name: /Chuyển đổi số/ })).toBeInTheDocument();
    await openReports(user);
    const reviewButtons = async (id: string) =>
      within(await screen.findByRole('row', { name: new RegExp(`Báo cáo ${id}`) }))
        .queryAllByRole('button')
        .map((button) => button.getAttribute('aria-label'));
    expect(await reviewButtons('r1')).toEqual(['Chấp nhận báo cáo của Sở Văn hóa, Thể thao và Du lịch', 'Trả lại báo cáo của Sở Văn hóa, Thể thao và Du lịch']);
    expect(await reviewButtons('r2')).toEqual(['Trả lại báo cáo của Sở Y tế']);
    expect(await reviewButtons('r3')).toEqual([]);
  });

  it('a unit’s manager files reports for the participants that allow file_report, and reviews nothing', async () => {
    serve(
      campaign([]),
      [participant('66-SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', ['file_plan', 'file_report'])],
      [report('r1', '66-SVHTTDL', 'submitted', [])],
    );
    const { user } = renderApp(`/movements/${ID}`, { signedInAs: ['manager'] });

    expect(await screen.findByRole('button', { name: /Gửi báo cáo/ })).toBeInTheDocument();
    expect(headerButtons()).toEqual(['Gửi báo cáo']);
    await openReports(user);
    expect(within(await screen.findByRole('row', { name: /Báo cáo r1/ })).queryAllByRole('button')).toEqual([]);
  });
});
