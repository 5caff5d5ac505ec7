import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from '../countdown';

describe('countdown from the server deadline', () => {
  it('counts whole seconds left and never below zero', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(secondsLeft('2026-03-02T08:15:00+00:00', now)).toBe(900);
    expect(secondsLeft('2026-03-02T15:00:30+07:00', now)).toBe(30);
    expect(secondsLeft('2026-03-02T07:59:00Z', now)).toBe(0);
  });

  it('writes mm:ss, and h:mm:ss past an hour', () => {
    expect(formatCountdown(900)).toBe('15:00');
    expect(formatCountdown(61)).toBe('01:01');
    expect(formatCountdown(3725)).toBe('1:02:05');
    expect(formatCountdown(-3)).toBe('00:00');
  });
});
