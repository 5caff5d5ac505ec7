import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, renderApp, testUser } from '@/testing/test-utils';

const UNITS = [
  { code: '66', name: 'UBND tỉnh Đắk Lắk', kind: 'province' },
  { code: '66-SNV', name: 'Sở Nội vụ', kind: 'department' },
];

function serve(asked: string[], decisionActions: string[], decisions: object[] = []) {
  return mockFetch((url) => {
    const { pathname, search } = new URL(url);
    asked.push(pathname + search);
    if (pathname.endsWith('/v1/units')) return jsonResponse({ items: UNITS, total: UNITS.length });
    if (pathname.includes('/v1/report-forms/')) {
      return new Response(new Blob(['xlsx']), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    }
    if (pathname.endsWith('/v1/decisions')) return jsonResponse({ items: decisions, total: decisions.length, allowed_actions: decisionActions });
    if (pathname.endsWith('/me/tasks')) return jsonResponse({ items: [], total: 0, counts: {}, sources: {} });
    return new Response(null, { status: 404 });
  });
}

const DECISION = {
  id: 'd1',
  number: '125/QĐ-UBND',
  signed_on: '2026-11-20',
  signer: 'Nguyễn Văn A',
  signer_title: 'Chủ tịch',
  award_code: 'bang_khen_ubnd_tinh',
  award_name: 'Bằng khen của Chủ tịch UBND tỉnh',
  awardees: [],
  status: 'issued',
  allowed_actions: [],
};

const FORMS = ['0601', '0602', '0603', '0604', '0605'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the report forms (Báo cáo thống kê) on the decisions page', () => {
  it('the provincial office gets one download per form, for the year it picks', async () => {
    const asked: string[] = [];
    serve(asked, ['download_report_forms']);
    const createObjectURL = vi.fn(() => 'blob:bieu');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { user } = renderApp('/recognition/decisions', { signedInAs: testUser({ roles: ['manager'], unit_codes: ['66'] }) });
    expect(await screen.findByText('Báo cáo thống kê')).toBeInTheDocument();
    for (const form of FORMS) expect(screen.getByRole('button', { name: `Tải biểu ${form} (.xlsx)` })).toBeInTheDocument();
    const year = screen.getByRole('spinbutton', { name: 'Năm báo cáo' });
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: 'Tải biểu 0602 (.xlsx)' }));
    await waitFor(() => {
      expect(createObjectURL).toHaveBeenCalled();
    });
    expect(asked).toContain('/api/campaign/v1/report-forms/0602.xlsx?year=2025');
  });

  it('a manager the decisions list does not offer the forms to sees no card and asks for none', async () => {
    const asked: string[] = [];
    serve(asked, [], [DECISION]);
    renderApp('/recognition/decisions', { signedInAs: testUser({ roles: ['manager'], unit_codes: ['66-SNV'] }) });
    expect(await screen.findByText('125/QĐ-UBND')).toBeInTheDocument();
    expect(screen.queryByText('Báo cáo thống kê')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tải biểu/ })).not.toBeInTheDocument();
    expect(asked.some((path) => path.includes('/report-forms/'))).toBe(false);
  });
});
