import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { thisWeek } from '../../api/get-coverage';
import { meanTargetProgress } from '../../progress';

describe('overview figures', () => {
  it('averages the targets that have accepted values and ignores the others', () => {
    expect(meanTargetProgress([{ mean_progress: '0.5000' }, { mean_progress: '1' }, { mean_progress: null }])).toBeCloseTo(0.75);
    expect(meanTargetProgress([{ mean_progress: null }])).toBeUndefined();
    expect(meanTargetProgress([])).toBeUndefined();
  });

  it('counts this week from Monday to today', () => {
    expect(thisWeek(dayjs('2026-11-21'))).toEqual({ from: '2026-11-16', to: '2026-11-21' }); // a Saturday
    expect(thisWeek(dayjs('2026-11-16'))).toEqual({ from: '2026-11-16', to: '2026-11-16' }); // a Monday
    expect(thisWeek(dayjs('2026-11-22'))).toEqual({ from: '2026-11-16', to: '2026-11-22' }); // a Sunday
  });
});
