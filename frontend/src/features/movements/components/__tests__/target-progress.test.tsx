import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TargetProgress } from '../target-progress';

function renderProgress(props: Parameters<typeof TargetProgress>[0]) {
  return render(<TargetProgress {...props} />);
}

describe('TargetProgress', () => {
  it('writes the progress as text beside the bar and names the bar after the target', () => {
    renderProgress({ title: 'Tỷ lệ hồ sơ được số hóa', progress: '0.4567', unitsReporting: 3 });
    const bar = screen.getByRole('progressbar', { name: 'Tiến độ chỉ tiêu Tỷ lệ hồ sơ được số hóa' });
    expect(bar).toHaveAttribute('aria-valuetext', '45,7%');
    expect(bar).toHaveAttribute('aria-valuenow', '45.7');
    expect(screen.getByText('45,7%')).toBeInTheDocument();
    expect(screen.getByText(/Chưa đạt · 3 đơn vị có số liệu/)).toBeInTheDocument();
  });

  it('says when a target is reached, not only by colour', () => {
    renderProgress({ title: 'Ngày xử lý', progress: 1, unitsReporting: 1 });
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText(/Đã đạt/)).toBeInTheDocument();
  });

  it('shows no empty bar when no unit has an accepted report', () => {
    renderProgress({ title: 'Ngày xử lý', progress: null, unitsReporting: 0 });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('Chưa có báo cáo được chấp nhận')).toBeInTheDocument();
  });
});
