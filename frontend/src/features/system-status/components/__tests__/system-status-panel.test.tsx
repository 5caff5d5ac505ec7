import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestQueryClient, jsonResponse, mockFetch, requestUrl } from '@/testing/test-utils';
import { SystemStatusPanel } from '../system-status-panel';

function renderPanel() {
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <SystemStatusPanel />
    </QueryClientProvider>,
  );
}

const row = (name: string) => screen.getByRole('listitem', { name });

describe('SystemStatusPanel', () => {
  it('shows every service as up when its health check answers 200', async () => {
    const fetchMock = mockFetch(() => jsonResponse({ status: 'ok' }));
    renderPanel();

    for (const name of [
      'Dịch vụ phong trào thi đua',
      'Dịch vụ chấm điểm và xếp hạng',
      'Dịch vụ Bình dân học vụ số',
    ]) {
      expect(await within(row(name)).findByText('Hoạt động')).toBeInTheDocument();
      expect(within(row(name)).queryByText('Không hoạt động')).not.toBeInTheDocument();
      // The state has an icon next to its text, not just a colour.
      expect(within(row(name)).getByText('Hoạt động').closest('.ant-tag')?.querySelector('svg')).not.toBeNull();
    }
    const urls = fetchMock.mock.calls.map(([input]) => requestUrl(input));
    expect(urls).toEqual(
      expect.arrayContaining(['/api/campaign/healthz', '/api/scoring/healthz', '/api/literacy/healthz']),
    );
  });

  it('shows a service as down when its health check answers 503', async () => {
    mockFetch((url) =>
      url.endsWith('/scoring/healthz')
        ? jsonResponse({ status: 'unavailable' }, 503)
        : jsonResponse({ status: 'ok' }),
    );
    renderPanel();

    expect(
      await within(row('Dịch vụ chấm điểm và xếp hạng')).findByText('Không hoạt động'),
    ).toBeInTheDocument();
    expect(await within(row('Dịch vụ phong trào thi đua')).findByText('Hoạt động')).toBeInTheDocument();
    expect(await within(row('Dịch vụ Bình dân học vụ số')).findByText('Hoạt động')).toBeInTheDocument();
  });

  it('shows a service as down when the network fails', async () => {
    mockFetch((url) =>
      url.endsWith('/literacy/healthz') ? new TypeError('Failed to fetch') : jsonResponse({ status: 'ok' }),
    );
    renderPanel();

    expect(
      await within(row('Dịch vụ Bình dân học vụ số')).findByText('Không hoạt động'),
    ).toBeInTheDocument();
    expect(await within(row('Dịch vụ phong trào thi đua')).findByText('Hoạt động')).toBeInTheDocument();
  });

  it('does not call a service up when a 200 answer is not {"status":"ok"}', async () => {
    mockFetch((url) =>
      url.endsWith('/campaign/healthz')
        ? new Response('<!doctype html><html></html>', {
            status: 200,
            headers: { 'Content-Type': 'text/html' },
          })
        : jsonResponse({ status: 'ok' }),
    );
    renderPanel();

    expect(
      await within(row('Dịch vụ phong trào thi đua')).findByText('Không hoạt động'),
    ).toBeInTheDocument();
  });

  it('shows "checking" while the answer is pending', () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    renderPanel();
    expect(within(row('Dịch vụ phong trào thi đua')).getByText('Đang kiểm tra…')).toBeInTheDocument();
  });
});
