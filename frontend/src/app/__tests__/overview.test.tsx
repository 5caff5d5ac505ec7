import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

// jsdom has no canvas for ECharts: the chart stands in as its labelled image.
vi.mock('@/components/ui/chart', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const CAMPAIGN = {
  id: '00000000-0000-0000-0000-000000000001',
  code: 'SVHTTDL-CDS-2025',
  title: 'Thi đua chuyển đổi số ngành Văn hóa năm 2025',
  level: 'department',
  organizer_unit_code: '66-SVHTTDL',
  parent_id: null,
  starts_on: '2025-07-01',
  ends_on: '2025-12-31',
  status: 'active',
  description: '',
  contents: [],
  objectives: [],
  created_at: '2025-07-01T00:00:00Z',
  updated_at: '2025-07-01T00:00:00Z',
};

const SUMMARY = {
  campaign_id: CAMPAIGN.id,
  status: 'active',
  participants: 1234,
  plans: { on_time: 4, late: 2, missing: 0 },
  reports: { submitted: 1, accepted: 9, returned: 1 },
  targets: [
    { code: 'A', title: 'A', mean_progress: '0.5000', units_reporting: 5 },
    { code: 'B', title: 'B', mean_progress: '0.2500', units_reporting: 5 },
    { code: 'C', title: 'C', mean_progress: null, units_reporting: 0 },
  ],
  days_left: 1501,
};

describe('overview page', () => {
  it('shows the active movements with days left, plans and mean progress, and the province’s coverage this week', async () => {
    const calls = mockFetch((url) => {
      if (url.includes('/healthz')) return jsonResponse({ status: 'ok' });
      if (url.includes('/summary')) return jsonResponse(SUMMARY);
      if (url.includes('/v1/campaigns')) return jsonResponse({ items: [CAMPAIGN], total: 1 });
      if (url.includes('/v1/stats/coverage')) {
        const thisWeek = new URL(url).searchParams.has('from');
        return jsonResponse({
          group_by: 'commune',
          province_code: '66',
          commune_code: null,
          items: [],
          totals: thisWeek
            ? { learners: 120, completed: 45, completion_rate: '0.3750' }
            : { learners: 3000, completed: 2209, completion_rate: '0.7363' },
        });
      }
      return jsonResponse({ title: 'Not Found', status: 404 }, 404, 'application/problem+json');
    });
    renderApp('/', { signedInAs: ['viewer'] });

    const movements = await screen.findByRole('region', { name: 'Phong trào đang triển khai' });
    const row = await within(movements).findByRole('row', { name: /ngành Văn hóa năm 2025/ });
    expect(await within(row).findByText('1.501 ngày')).toBeInTheDocument();
    expect(within(row).getByText('1.234')).toBeInTheDocument();
    expect(within(row).getByText('Đúng hạn: 4')).toBeInTheDocument();
    expect(within(row).getByText('Trễ hạn: 2')).toBeInTheDocument();
    // (0.5 + 0.25) / 2: a target without accepted values does not count.
    expect(within(row).getByRole('progressbar', { name: /Tiến độ chỉ tiêu của/ })).toHaveAttribute('aria-valuetext', '37,5%');
    expect(within(row).getByRole('link')).toHaveAttribute('href', `/movements/${CAMPAIGN.id}`);
    expect(within(movements).getByRole('img', { name: /Biểu đồ số kế hoạch/ })).toBeInTheDocument();

    const coverage = screen.getByRole('region', { name: 'Bình dân học vụ số toàn tỉnh' });
    expect(await within(coverage).findByText('+120 người học, +45 hoàn thành')).toBeInTheDocument();
    expect(within(coverage).getByText('73,6%')).toBeInTheDocument();

    const coverageCalls = calls.mock.calls.map(([input]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)).filter((url) => url.includes('/v1/stats/coverage'));
    expect(coverageCalls.every((url) => url.includes('province_code=66') && url.includes('group_by=commune'))).toBe(true);
    expect(coverageCalls.some((url) => /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}|to=.*from=/.test(url))).toBe(true);
  });
});
