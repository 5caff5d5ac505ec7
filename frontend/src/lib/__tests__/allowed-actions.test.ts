import { describe, expect, it } from 'vitest';
import { can, canAny } from '@/lib/allowed-actions';
import type { AllowsActions } from '@/lib/allowed-actions';

type CardAction = 'score' | 'submit' | 'review' | 'approve' | 'return';

describe('can', () => {
  const card: AllowsActions<CardAction> = { allowed_actions: ['score', 'submit'] };

  it('says yes exactly for the actions the resource lists', () => {
    expect(can(card, 'score')).toBe(true);
    expect(can(card, 'submit')).toBe(true);
    expect(can(card, 'review')).toBe(false);
    expect(can(card, 'approve')).toBe(false);
    expect(can(card, 'return')).toBe(false);
  });

  it('says no while nothing is loaded, or when the resource lists nothing', () => {
    expect(can<CardAction>(undefined, 'score')).toBe(false);
    expect(can<CardAction>(null, 'score')).toBe(false);
    expect(can<CardAction>({}, 'score')).toBe(false);
    expect(can<CardAction>({ allowed_actions: null }, 'score')).toBe(false);
    expect(can<CardAction>({ allowed_actions: [] }, 'score')).toBe(false);
  });

  it('answers for any of several actions', () => {
    expect(canAny(card, ['approve', 'submit'])).toBe(true);
    expect(canAny(card, ['approve', 'return'])).toBe(false);
  });
});
