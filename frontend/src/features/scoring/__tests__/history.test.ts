import { describe, expect, it } from 'vitest';
import { describeEvent } from '../logic/history';
import type { HistoryWords } from '../logic/history';

const words: HistoryWords = {
  status: (status) => ({ draft: 'Nháp', submitted: 'Đã gửi', returned: 'Bị trả lại' })[status] ?? status,
  criterion: (code) => ({ '1.1': '1.1 Ban hành kế hoạch' })[code] ?? code,
  field: (field) => ({ status: 'Trạng thái', self_score: 'Tự chấm', note: 'Ghi chú', auto_score: 'Tự động' })[field] ?? field,
  reason: 'Lý do',
  empty: '—',
  number: (value) => String(value).replace('.', ','),
};

describe('a scorecard’s history in words', () => {
  it('says a status change and its reason', () => {
    expect(describeEvent('scorecard.return', { status: 'submitted' }, { status: 'returned', reason: 'Thiếu minh chứng' }, words)).toEqual([
      'Trạng thái: Đã gửi → Bị trả lại',
      'Lý do: Thiếu minh chứng',
    ]);
    expect(describeEvent('scorecard.created', null, { status: 'draft' }, words)).toEqual(['Trạng thái: Nháp']);
  });

  it('says each score by its criterion, old → new', () => {
    expect(describeEvent('scorecard.scored', { '1.1': { self_score: '4.5' } }, { '1.1': { self_score: '8', note: 'Đủ' } }, words)).toEqual([
      '1.1 Ban hành kế hoạch — Tự chấm: 4,5 → 8; Ghi chú: — → Đủ',
    ]);
    expect(describeEvent('scorecard.computed', null, { '2.1': { before: null, after: '7.5', value: '0.75' } }, words)).toEqual(['2.1 — Tự động: — → 7,5']);
  });
});
