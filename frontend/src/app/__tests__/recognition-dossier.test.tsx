import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignSchemas } from '@/lib/api/services';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

type DossierAction = CampaignSchemas['DossierAction'];

const ID = '00000000-0000-0000-0000-000000000016';

function dossier(status: CampaignSchemas['DossierStatus'], allowed: DossierAction[]): CampaignSchemas['DossierDetail'] {
  return {
    id: ID,
    campaign_id: '00000000-0000-0000-0000-000000000001',
    round_id: null,
    unit_code: '66-SVHTTDL',
    title: 'Hồ sơ đề nghị khen thưởng năm 2025',
    nominees: [
      {
        subject_type: 'collective',
        subject_id: '66-SVHTTDL',
        subject_name: 'Sở Văn hóa, Thể thao và Du lịch',
        unit_code: '66-SVHTTDL',
        title_code: 'TAP_THE_LD_XUAT_SAC',
        form_code: null,
        achievements: 'Xếp loại xuất sắc',
        score: 95,
      },
    ],
    file_ids: [],
    files: [],
    status,
    assignee: null,
    assignee_name: null,
    created_at: '2025-12-01T00:00:00Z',
    updated_at: '2025-12-01T00:00:00Z',
    allowed_actions: allowed,
    history: [
      {
        occurred_at: '2025-12-01T00:00:00Z',
        actor_name: 'Lê Thị Quản Lý',
        action: 'created',
        action_label: 'Lập hồ sơ',
        from_status: null,
        to_status: 'draft',
        reason: '',
      },
    ],
  };
}

function serve(body: CampaignSchemas['DossierDetail']) {
  return mockFetch((url) => {
    const path = new URL(url).pathname;
    if (path.endsWith(`/v1/dossiers/${ID}`)) return jsonResponse(body);
    if (path.endsWith('/v1/titles')) return jsonResponse({ items: [{ code: 'TAP_THE_LD_XUAT_SAC', name: 'Tập thể lao động xuất sắc', subject_type: 'collective', level: 'grassroots' }] });
    if (path.endsWith('/v1/officials')) return jsonResponse({ items: [{ id: '00000000-0000-0000-0000-0000000000aa', full_name: 'Phạm Văn Thẩm Định', roles: ['evaluator'] }], total: 1 });
    if (/\/(commendation-forms|units|me\/tasks)$/.test(path)) return jsonResponse({ items: [], total: 0, counts: {}, sources: {} });
    return new Response(null, { status: 404 });
  });
}

const STEP_BUTTONS = ['Gửi hồ sơ', 'Tiếp nhận', 'Bắt đầu thẩm định', 'Trình Hội đồng', 'Ghi nhận phê duyệt', 'Trả lại để bổ sung', 'Không đủ điều kiện'];

function stepButtons(): string[] {
  const names = screen.queryAllByRole('button').map((button) => button.textContent.trim());
  return STEP_BUTTONS.filter((name) => names.includes(name));
}

describe('a dossier’s page shows the steps its allowed_actions list, and no others', () => {
  it('a draft its unit may send shows only “send”, with its nominee and its readable history', async () => {
    serve(dossier('draft', ['submit']));
    renderApp(`/recognition/dossiers/${ID}`, { signedInAs: ['manager'] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ đề nghị khen thưởng năm 2025' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Tập thể lao động xuất sắc' })).toBeInTheDocument();
    expect(screen.getByText('Lập hồ sơ')).toBeInTheDocument();
    expect(stepButtons()).toEqual(['Gửi hồ sơ']);
    expect(screen.queryByRole('combobox', { name: 'Phân công chuyên viên' })).not.toBeInTheDocument();
  });

  it('a received dossier shows the office its review, return, rejection and the specialist to assign', async () => {
    serve(dossier('received', ['assign', 'review', 'return', 'reject']));
    renderApp(`/recognition/dossiers/${ID}`, { signedInAs: ['admin'] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ đề nghị khen thưởng năm 2025' })).toBeInTheDocument();
    expect(stepButtons()).toEqual(['Bắt đầu thẩm định', 'Trả lại để bổ sung', 'Không đủ điều kiện']);
    expect(screen.getByRole('combobox', { name: 'Phân công chuyên viên' })).toBeInTheDocument();
  });

  it('a dossier that allows nothing (a viewer) has no step at all', async () => {
    serve(dossier('in_review', []));
    renderApp(`/recognition/dossiers/${ID}`, { signedInAs: ['viewer'] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Hồ sơ đề nghị khen thưởng năm 2025' })).toBeInTheDocument();
    expect(stepButtons()).toEqual([]);
  });
});
