import { describe, expect, it } from 'vitest';
import { daysLeft, shownStatus, todayIso } from '../lifecycle';

describe('a movement’s status read with its dates', () => {
  it('says an active movement past its end has ended, and one before its start is upcoming', () => {
    expect(shownStatus('active', '2025-01-01', '2025-12-31', '2026-01-01')).toBe('ended');
    expect(shownStatus('active', '2025-01-01', '2025-12-31', '2025-12-31')).toBe('active');
    expect(shownStatus('active', '2026-02-01', '2026-12-31', '2026-01-15')).toBe('upcoming');
    expect(shownStatus('closed', '2025-01-01', '2025-12-31', '2025-06-01')).toBe('closed');
    expect(shownStatus('draft', '2025-01-01', '2025-12-31', '2026-06-01')).toBe('draft');
  });

  it('counts the days left only while the movement runs', () => {
    expect(daysLeft('active', '2025-12-31', '2025-12-01')).toBe(30);
    expect(daysLeft('active', '2025-12-31', '2025-12-31')).toBe(0);
    expect(daysLeft('active', '2025-12-31', '2026-01-01')).toBeNull();
    expect(daysLeft('closed', '2026-12-31', '2026-01-01')).toBeNull();
  });

  it('writes today as the API writes a day', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
