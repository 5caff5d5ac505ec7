import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../../api/get-imports';
import { importProgressPercent } from '../../imports';
import { ImportJobStatus } from '../import-job-status';

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: '6f1c0a4e-1111-4c8e-9a51-000000000001',
    status: 'running',
    filename: 'xa-hoa-phu.csv',
    size_bytes: 2048,
    total_rows: 200,
    processed_rows: 50,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    duplicates: 0,
    certificates_issued: 0,
    failure: null,
    submitted_by: 'admin',
    created_at: '2025-09-30T07:05:00+07:00',
    started_at: '2025-09-30T07:05:01+07:00',
    finished_at: null,
    ...overrides,
  };
}

describe('importProgressPercent', () => {
  it('is the share of rows checked, rounded down, and 100 once the job has an outcome', () => {
    expect(importProgressPercent(job({ processed_rows: 50, total_rows: 200 }))).toBe(25);
    expect(importProgressPercent(job({ processed_rows: 199, total_rows: 200 }))).toBe(99);
    expect(importProgressPercent(job({ status: 'queued', total_rows: null, processed_rows: 0 }))).toBe(0);
    expect(importProgressPercent(job({ total_rows: null, processed_rows: 1200 }))).toBeNull();
    expect(importProgressPercent(job({ status: 'succeeded' }))).toBe(100);
    expect(importProgressPercent(job({ status: 'failed', total_rows: null }))).toBe(100);
  });
});

describe('ImportJobStatus', () => {
  it('shows a progress bar and the rows checked while the job runs, no counts yet', () => {
    render(<ImportJobStatus job={job()} />);

    expect(screen.getByRole('progressbar', { name: 'Tiến độ xử lý tệp' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('Đã kiểm tra 50 / 200 dòng')).toBeInTheDocument();
    // The state is a word with an icon, not only a colour.
    const tag = screen.getByText('Đang xử lý').closest('.ant-tag');
    expect(tag?.querySelector('svg')).not.toBeNull();
    expect(screen.queryByText('Thêm mới')).not.toBeInTheDocument();
  });

  it('says how many rows were read when the total is not known yet', () => {
    render(<ImportJobStatus job={job({ total_rows: null, processed_rows: 1234 })} />);
    expect(screen.getByText('Đã kiểm tra 1.234 dòng')).toBeInTheDocument();
  });

  it('shows every final count and offers the error report when rows were rejected', async () => {
    const onDownloadErrors = vi.fn();
    render(
      <ImportJobStatus
        job={job({
          status: 'succeeded',
          total_rows: 1500,
          processed_rows: 1500,
          inserted: 1200,
          updated: 150,
          unchanged: 100,
          rejected: 40,
          duplicates: 10,
          certificates_issued: 300,
        })}
        onDownloadErrors={onDownloadErrors}
      />,
    );

    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('Kết quả (1.500 dòng)')).toBeInTheDocument();
    expect(screen.getByTestId('import-count-inserted')).toHaveTextContent('1.200');
    expect(screen.getByTestId('import-count-updated')).toHaveTextContent('150');
    expect(screen.getByTestId('import-count-unchanged')).toHaveTextContent('100');
    expect(screen.getByTestId('import-count-rejected')).toHaveTextContent('40');
    expect(screen.getByTestId('import-count-duplicates')).toHaveTextContent('10');
    expect(screen.getByTestId('import-count-certificates')).toHaveTextContent('300');
    // Each count sits next to its label.
    expect(within(screen.getByRole('table')).getByText('Bị từ chối')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Tải báo cáo lỗi \(40 dòng\)/ }));
    expect(onDownloadErrors).toHaveBeenCalledOnce();
  });

  it('offers no error report when every row was accepted', () => {
    render(<ImportJobStatus job={job({ status: 'succeeded', inserted: 200, processed_rows: 200 })} onDownloadErrors={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /báo cáo lỗi/ })).not.toBeInTheDocument();
  });

  it('shows why a failed file was refused', () => {
    render(<ImportJobStatus job={job({ status: 'failed', total_rows: null, failure: 'Thiếu cột bắt buộc: Số CCCD' })} />);
    expect(screen.getByText('Thất bại')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Tệp không được nhập');
    expect(screen.getByRole('alert')).toHaveTextContent('Thiếu cột bắt buộc: Số CCCD');
  });
});
