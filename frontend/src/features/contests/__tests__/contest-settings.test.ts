import { describe, expect, it } from 'vitest';
import type { ContestOut } from '../api/contest-admin';
import { toContestUpdate } from '../contest-settings';
import type { ContestValues } from '../contest-settings';

/** A contest that follows the movement's units: the service answers them all in `unit_codes`. */
const CONTEST: ContestOut = {
  id: '00000000-0000-0000-0000-0000000000c1',
  campaign_id: '00000000-0000-0000-0000-000000000001',
  title: 'Tìm hiểu Đề án 06',
  rules: 'Mỗi người một lượt.',
  audience: 'all',
  status: 'draft',
  unit_codes: ['66-SNV', '66-SVHTTDL'],
  questions_per_attempt: 15,
  time_limit_seconds: 900,
  attempts_per_round: 1,
  prediction_question: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  allowed_actions: ['edit'],
};

/** The form as it opens on CONTEST. */
const OPENED: ContestValues = {
  title: CONTEST.title,
  rules: CONTEST.rules,
  audience: CONTEST.audience,
  unit_codes: CONTEST.unit_codes,
  questions_per_attempt: 15,
  minutes: 15,
  attempts_per_round: 1,
  prediction_question: '',
};

describe('toContestUpdate: the PATCH body of a contest’s settings', () => {
  it('sends only the title when only the title changed (never the unit list the form was opened with)', () => {
    const update = toContestUpdate({ ...OPENED, title: '  Tìm hiểu Đề án 06 (vòng tỉnh) ' }, CONTEST);
    expect(update).toEqual({ title: 'Tìm hiểu Đề án 06 (vòng tỉnh)' });
    expect(update).not.toHaveProperty('unit_codes');
  });

  it('sends nothing when nothing changed, the same units in another order included', () => {
    expect(toContestUpdate({ ...OPENED, unit_codes: ['66-SVHTTDL', '66-SNV'] }, CONTEST)).toEqual({});
  });

  it('sends the units when they changed, and null when cleared (every unit of the movement again)', () => {
    expect(toContestUpdate({ ...OPENED, unit_codes: ['66-SNV'] }, CONTEST)).toEqual({ unit_codes: ['66-SNV'] });
    expect(toContestUpdate({ ...OPENED, unit_codes: [] }, CONTEST)).toEqual({ unit_codes: null });
  });

  it('sends the time limit in seconds and a new prediction question, each only when changed', () => {
    expect(toContestUpdate({ ...OPENED, minutes: 20, prediction_question: 'Bao nhiêu người đúng hết?' }, CONTEST)).toEqual({
      time_limit_seconds: 1200,
      prediction_question: 'Bao nhiêu người đúng hết?',
    });
  });
});
