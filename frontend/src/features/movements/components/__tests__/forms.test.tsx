import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '@/lib/api-client';
import { ReturnReportModal } from '../return-report-modal';
import { TargetForm } from '../target-form';

type User = ReturnType<typeof userEvent.setup>;

/** Types by pasting: one input event instead of one per character keeps these tests fast on slow machines. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

beforeEach(() => {
  // jsdom has no ResizeObserver; antd's modal and text areas measure themselves with one.
  if (typeof globalThis.ResizeObserver === 'function') return;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe = vi.fn();
      unobserve = vi.fn();
      disconnect = vi.fn();
    },
  );
});

function renderTargetForm(onSubmit = vi.fn(() => Promise.resolve())) {
  const onDone = vi.fn();
  render(
    <App>
      <TargetForm formId="target-form" onSubmit={onSubmit} onDone={onDone} />
      <button type="submit" form="target-form">
        Lưu
      </button>
    </App>,
  );
  return { onSubmit, onDone, user: userEvent.setup() };
}

describe('TargetForm', () => {
  it('checks the code and that an increasing target lies above its baseline before sending', async () => {
    const { onSubmit, user } = renderTargetForm();
    await fill(user, screen.getByLabelText('Mã chỉ tiêu'), 'Số hóa');
    await fill(user, screen.getByLabelText('Tên chỉ tiêu'), 'Tỷ lệ hồ sơ được số hóa');
    await fill(user, screen.getByLabelText('Giá trị ban đầu'), '50');
    await fill(user, screen.getByLabelText('Giá trị mục tiêu'), '40');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.')).toBeInTheDocument();
    expect(screen.getByText('Chỉ tiêu tăng phải lớn hơn giá trị ban đầu.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a valid target and shows the server’s field errors under their fields', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(
        new ApiProblem({ status: 422, title: 'Unprocessable', errors: [{ field: 'code', message: 'Target code already used.' }] }),
      ),
    );
    const { user, onDone } = renderTargetForm(onSubmit);
    await fill(user, screen.getByLabelText('Mã chỉ tiêu'), 'SOHOA_TTHC');
    await fill(user, screen.getByLabelText('Tên chỉ tiêu'), 'Tỷ lệ hồ sơ được số hóa');
    await fill(user, screen.getByLabelText('Giá trị ban đầu'), '35');
    await fill(user, screen.getByLabelText('Giá trị mục tiêu'), '100');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledWith({
        code: 'SOHOA_TTHC',
        title: 'Tỷ lệ hồ sơ được số hóa',
        measure: 'percent',
        direction: 'increase',
        baseline: 35,
        target: 100,
        due_on: null,
      });
    });
    // Under the field, and in the alert's list.
    expect(await screen.findByText('Target code already used.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mã chỉ tiêu')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Dữ liệu nhập chưa hợp lệ.');
    expect(screen.getByRole('alert')).toHaveTextContent('code: Target code already used.');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('ReturnReportModal', () => {
  it('requires a note before returning a report', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(
      <App>
        <ReturnReportModal unitName="Sở Văn hóa" onSubmit={onSubmit} onClose={onClose} />
      </App>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại báo cáo của Sở Văn hóa' });
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng ghi rõ lý do trả lại.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    await fill(user, within(dialog).getByLabelText('Lý do trả lại, nội dung cần bổ sung'), '  Bổ sung minh chứng.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledWith('Bổ sung minh chứng.');
    });
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
  });
});
