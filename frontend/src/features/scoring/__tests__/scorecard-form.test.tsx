import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, jsonResponse, mockFetch } from '@/testing/test-utils';
import type { Scorecard, ScorecardAction } from '../api/get-scorecard';
import { ScorecardForm } from '../components/scorecard-form';
import type { Criterion } from '../logic/scores';

const CRITERIA: Criterion[] = [
  {
    code: '1',
    title: 'Chuyển đổi số',
    max_points: '20',
    method: 'manual',
    children: [
      { code: '1.1', title: 'Kế hoạch', max_points: '15', method: 'manual', children: [] },
      { code: '1.2', title: 'Số hóa hồ sơ', max_points: '15', method: 'target_progress', target_code: 'T', children: [] },
    ],
  },
  { code: '2', title: 'Chữ ký số', max_points: '5', method: 'boolean', children: [] },
];
const BANDS = [
  { label: 'Tốt', min_score: '20' },
  { label: 'Đạt', min_score: '10' },
];

/** A card in `status` that allows the caller `allowed` (what scoring-api's policy would list). */
function scorecard(
  status: Scorecard['status'],
  allowed: ScorecardAction[],
  overrides: Partial<Record<string, Partial<Scorecard['entries'][number]>>> = {},
): Scorecard {
  const entry = (code: string, title: string, max: string, method: string) => ({
    criterion_code: code,
    title,
    max_points: max,
    method,
    self_score: null,
    reviewed_score: null,
    auto_score: null,
    ...overrides[code],
  });
  return {
    id: 'sc-1',
    round_id: 'r-1',
    subject_type: 'collective',
    subject_id: '66-SVHTTDL',
    subject_name: 'Sở Văn hóa, Thể thao và Du lịch',
    unit_code: '66-SVHTTDL',
    cluster: 'Khối các sở',
    status,
    entries: [entry('1.1', 'Kế hoạch', '15', 'manual'), entry('1.2', 'Số hóa hồ sơ', '15', 'target_progress'), entry('2', 'Chữ ký số', '5', 'boolean')],
    total: '0',
    band: null,
    pending: [],
    return_reason: null,
    updated_at: '2025-10-01T00:00:00Z',
    allowed_actions: allowed,
  };
}

function renderForm(card: Scorecard) {
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <ScorecardForm scorecard={card} etag={'"abc"'} criteria={CRITERIA} bands={BANDS} />
    </QueryClientProvider>,
  );
}

const BUTTONS = { save: 'Lưu', submit: 'Gửi thẩm định', review: 'Xác nhận đã thẩm định', approve: 'Phê duyệt', return: 'Trả lại' } as const;
type ButtonName = keyof typeof BUTTONS;

/** The action buttons the card shows, by the workflow's names. */
function shownButtons(): ButtonName[] {
  const names = screen.queryAllByRole('button').map((button) => button.textContent.trim());
  return (Object.keys(BUTTONS) as ButtonName[]).filter((key) => names.includes(BUTTONS[key]));
}

const totals = () => screen.getByRole('region', { name: 'Tổng điểm' });

describe('ScorecardForm', () => {
  beforeEach(() => {
    // jsdom has no ResizeObserver; the table's horizontal scroll watches its width with one.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {
          // nothing to watch in jsdom
        }
        unobserve(): void {
          // nothing to watch in jsdom
        }
        disconnect(): void {
          // nothing to watch in jsdom
        }
      },
    );
  });

  it('updates the totals live as the manager self-assesses, capping a parent at its maximum', async () => {
    const user = userEvent.setup();
    renderForm(scorecard('draft', ['score', 'submit'], { '1.2': { auto_score: '9' } }));

    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 9 / 25' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Điểm tự chấm, tiêu chí 1.1 Kế hoạch'), '14');
    // 14 + 9 = 23, capped at 20 for criterion 1.
    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 20 / 25' })).toBeInTheDocument();
    expect(within(totals()).getByText(/Xếp loại dự kiến: Tốt/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Điểm tự chấm, tiêu chí 2 Chữ ký số'), '5');
    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 25 / 25' })).toBeInTheDocument();
    // The automatic value beats the self-assessment for an automatic criterion.
    await user.type(screen.getByLabelText('Điểm tự chấm, tiêu chí 1.2 Số hóa hồ sơ'), '1');
    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 25 / 25' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Gửi thẩm định/ })).toBeEnabled();
    expect(screen.queryByLabelText(/Điểm thẩm định/)).not.toBeInTheDocument();
  });

  it('refuses a score above the maximum or between 0 and the maximum of a met-or-not criterion', async () => {
    const user = userEvent.setup();
    renderForm(scorecard('draft', ['score', 'submit']));

    const plan = screen.getByLabelText('Điểm tự chấm, tiêu chí 1.1 Kế hoạch');
    await user.type(plan, '16');
    expect(await screen.findByText('Điểm phải từ 0 đến 15.')).toBeInTheDocument();
    expect(plan).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: /Lưu/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Gửi thẩm định/ })).toBeDisabled();

    await user.clear(plan);
    await user.type(plan, '15');
    expect(screen.queryByText('Điểm phải từ 0 đến 15.')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Điểm tự chấm, tiêu chí 2 Chữ ký số'), '3');
    expect(await screen.findByText('Tiêu chí đạt / không đạt: điểm là 0 hoặc 5.')).toBeInTheDocument();
  });

  it('lets an evaluator enter reviewed scores, which take over, and sends them with If-Match', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch(() => jsonResponse(scorecard('submitted', ['score', 'review', 'return'], { '1.1': { self_score: '10', reviewed_score: '8' } })));
    renderForm(scorecard('submitted', ['score', 'review', 'return'], { '1.1': { self_score: '10' } }));

    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 10 / 25' })).toBeInTheDocument();
    expect(screen.queryByLabelText(/Điểm tự chấm/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Điểm thẩm định, tiêu chí 1.1 Kế hoạch'), '8');
    expect(within(totals()).getByRole('heading', { name: 'Tổng điểm: 8 / 25' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    const patch = fetchMock.mock.calls.map(([request]) => request as Request).find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"abc"');
    expect(await patch?.json()).toEqual({ entries: [{ criterion_code: '1.1', reviewed_score: 8 }] });
    expect(screen.getByRole('button', { name: /Trả lại/ })).toBeInTheDocument();
  });

  it('shows the council only approve and return, and nothing to edit', () => {
    renderForm(scorecard('reviewed', ['approve', 'return'], { '1.1': { self_score: '10', reviewed_score: '8' } }));
    expect(screen.getByRole('button', { name: /Phê duyệt/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Trả lại/ })).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.getByText('Đã thẩm định')).toBeInTheDocument();
  });
  describe('shows exactly the controls the card’s allowed_actions lists', () => {
    const cases: { status: Scorecard['status']; allowed: ScorecardAction[]; buttons: ButtonName[]; self: boolean; reviewed: boolean }[] = [
      { status: 'draft', allowed: ['score', 'submit'], buttons: ['save', 'submit'], self: true, reviewed: false },
      { status: 'returned', allowed: ['score', 'submit'], buttons: ['save', 'submit'], self: true, reviewed: false },
      { status: 'draft', allowed: ['submit'], buttons: ['submit'], self: false, reviewed: false },
      { status: 'submitted', allowed: ['score', 'review', 'return'], buttons: ['save', 'review', 'return'], self: false, reviewed: true },
      { status: 'submitted', allowed: ['return'], buttons: ['return'], self: false, reviewed: false },
      { status: 'reviewed', allowed: ['approve', 'return'], buttons: ['approve', 'return'], self: false, reviewed: false },
      { status: 'reviewed', allowed: ['score', 'approve'], buttons: ['save', 'approve'], self: false, reviewed: true },
      // Whatever a role might once have been shown: an empty list is a read-only card.
      { status: 'draft', allowed: [], buttons: [], self: false, reviewed: false },
      { status: 'submitted', allowed: [], buttons: [], self: false, reviewed: false },
      { status: 'reviewed', allowed: [], buttons: [], self: false, reviewed: false },
      { status: 'approved', allowed: [], buttons: [], self: false, reviewed: false },
    ];
    it.each(cases)('$status with [$allowed] shows [$buttons]', ({ status, allowed, buttons, self, reviewed }) => {
      renderForm(scorecard(status, allowed, { '1.1': { self_score: '10', evidence_url: 'https://example.gov.vn/a.pdf' } }));
      expect(shownButtons()).toEqual(buttons);
      expect(screen.queryAllByLabelText(/^Điểm tự chấm/)).toHaveLength(self ? 3 : 0);
      expect(screen.queryAllByLabelText(/^Đường dẫn minh chứng/)).toHaveLength(self ? 3 : 0);
      expect(screen.queryAllByLabelText(/^Điểm thẩm định/)).toHaveLength(reviewed ? 3 : 0);
      expect(screen.queryAllByLabelText(/^Ý kiến thẩm định/)).toHaveLength(reviewed ? 3 : 0);
      if (!self && !reviewed) {
        expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
        expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
        // A read-only card still shows what was entered.
        expect(screen.getByRole('link', { name: 'Xem minh chứng' })).toHaveAttribute('href', 'https://example.gov.vn/a.pdf');
      }
    });

    it('shows nothing to do on a card whose response carries no allowed_actions at all', () => {
      const card = scorecard('draft', []);
      delete card.allowed_actions;
      renderForm(card);
      expect(shownButtons()).toEqual([]);
      expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    });
  });
});
