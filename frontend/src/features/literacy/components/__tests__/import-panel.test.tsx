import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, jsonResponse, mockFetch, signInForTesting } from '@/testing/test-utils';
import type { ImportJob } from '../../api/get-imports';
import { importJob } from '../../__tests__/import-job';
import { ImportPanel } from '../import-panel';

const JOB_ID = '6f1c0a4e-1111-4c8e-9a51-000000000002';

const job = (overrides: Partial<ImportJob>): ImportJob => importJob({ id: JOB_ID, ...overrides });

describe('ImportPanel', () => {
  it('uploads the file as multipart, polls the job while it runs and shows the final counts', async () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe = vi.fn();
        unobserve = vi.fn();
        disconnect = vi.fn();
      },
    );
    signInForTesting(['admin']);
    // The job runs until the test has seen it running (a fixed number of polls would race a busy machine), then has finished.
    let seenRunning = false;
    const answers = [
      job({ status: 'running', total_rows: 4, processed_rows: 2 }),
      job({ status: 'succeeded', total_rows: 4, processed_rows: 4, inserted: 3, rejected: 1, finished_at: '2025-09-30T07:05:03+07:00', allowed_actions: ['read_errors'] }),
    ];
    let contentType: string | null = null;
    const fetchMock = mockFetch((url) => {
      if (url.endsWith('/api/literacy/v1/imports?limit=20')) return jsonResponse({ items: [], total: 0, allowed_actions: ['create'] });
      if (url.endsWith(`/api/literacy/v1/imports/${JOB_ID}`)) return jsonResponse(seenRunning ? answers[1] : answers[0]);
      return new Response(null, { status: 404 });
    });
    const post = vi.fn(async (request: Request) => {
      contentType = request.headers.get('Content-Type');
      await request.arrayBuffer();
      return jsonResponse(job({}), 202);
    });
    const original = fetchMock.getMockImplementation();
    fetchMock.mockImplementation((input: RequestInfo | URL, init?: RequestInit) =>
      input instanceof Request && input.method === 'POST' ? post(input) : (original?.(input, init) ?? Promise.reject(new Error('no mock'))),
    );

    const { container } = render(
      <QueryClientProvider client={createTestQueryClient()}>
        <ImportPanel />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Chưa có lần nhập nào')).toBeInTheDocument();
    // The upload shows once the list has said the user may create imports.
    expect(await screen.findByText('Bấm hoặc kéo thả tệp vào đây để nhập')).toBeInTheDocument();

    const input = container.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    if (!input) return;
    await userEvent.upload(input, new File(['\uFEFFSố CCCD;Họ và tên\n'], 'xa-hoa-phu.csv', { type: 'text/csv' }));

    expect(post).toHaveBeenCalledOnce();
    // A multipart body (the browser sets the boundary), never JSON.
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);

    const result = await screen.findByRole('region', { name: 'xa-hoa-phu.csv' });
    expect(await within(result).findByText('Đã kiểm tra 2 / 4 dòng')).toBeInTheDocument();
    expect(within(result).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    seenRunning = true;

    expect(await within(result).findByText('Hoàn tất')).toBeInTheDocument();
    expect(within(result).getByTestId('import-count-inserted')).toHaveTextContent('3');
    expect(within(result).getByTestId('import-count-rejected')).toHaveTextContent('1');
    expect(within(result).getByRole('button', { name: /Tải báo cáo lỗi \(1 dòng\)/ })).toBeInTheDocument();
    expect(within(result).queryByRole('progressbar')).not.toBeInTheDocument();
  });
  it('offers no upload when the list does not allow "create", and no error report when a job does not allow "read_errors"', async () => {
    signInForTesting(['viewer']);
    const finished = job({ status: 'succeeded', total_rows: 4, processed_rows: 4, inserted: 3, rejected: 1, finished_at: '2025-09-30T07:05:03+07:00', allowed_actions: [] });
    mockFetch((url) => {
      if (url.endsWith('/api/literacy/v1/imports?limit=20')) return jsonResponse({ items: [finished], total: 1, allowed_actions: [] });
      if (url.endsWith(`/api/literacy/v1/imports/${JOB_ID}`)) return jsonResponse(finished);
      return new Response(null, { status: 404 });
    });
    const user = userEvent.setup();
    const { container } = render(
      <QueryClientProvider client={createTestQueryClient()}>
        <ImportPanel />
      </QueryClientProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Xem kết quả nhập xa-hoa-phu.csv' }));
    const result = await screen.findByRole('region', { name: 'xa-hoa-phu.csv' });
    expect(within(result).getByTestId('import-count-rejected')).toHaveTextContent('1');
    expect(within(result).queryByRole('button', { name: /Tải báo cáo lỗi/ })).not.toBeInTheDocument();
    expect(container.querySelector('input[type="file"]')).toBeNull();
    expect(screen.queryByText('Bấm hoặc kéo thả tệp vào đây để nhập')).not.toBeInTheDocument();
  });
});
