import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, renderApp, testUser } from '@/testing/test-utils';

const UNITS = [
  { code: '66', name: 'UBND tỉnh Đắk Lắk', kind: 'province' },
  { code: '66-SNV', name: 'Sở Nội vụ', kind: 'department' },
];

function serve(asked: string[]) {
  return mockFetch((url) => {
    const { pathname, search } = new URL(url);
    asked.push(pathname + search);
    if (pathname.endsWith('/v1/units')) return jsonResponse({ items: UNITS, total: UNITS.length });
    if (pathname.includes('/v1/report-forms/')) {
      return new Response(new Blob(['xlsx']), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    }
    if (/\/(decisions|me\/tasks)$/.test(pathname)) return jsonResponse({ items: [], total: 0, counts: {}, sources: {} });
    return new Response(null, { status: 404 });
  });
}

const FORMS = ['0601', '0602', '0603', '0604', '0605'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the report forms (Báo cáo thống kê) on the decisions page', () => {
  it('the provincial office gets one download per form, for the year it picks', async () => {
    const asked: string[] = [];
    serve(asked);
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
});
