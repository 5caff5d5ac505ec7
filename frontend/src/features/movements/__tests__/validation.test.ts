import { describe, expect, it } from 'vitest';
import { checkCode, checkContentNumbers, checkDecimal, checkInside, checkMilestone, checkRange, checkTarget, checkUrl, progressOf } from '../validation';

describe('movement validation (mirrors campaign-api)', () => {
  it('accepts codes of letters, digits, dots, hyphens and underscores only', () => {
    expect(checkCode('CDS-2025_v1.2')).toBeUndefined();
    expect(checkCode('  ')).toBe('movements.validation.required');
    expect(checkCode('Chuyển đổi')).toBe('movements.validation.codePattern');
    expect(checkCode('A'.repeat(65))).toBe('movements.validation.codeTooLong');
  });

  it('wants the end on or after the start', () => {
    expect(checkRange('2025-07-01', '2025-07-01')).toBeUndefined();
    expect(checkRange('2025-07-02', '2025-07-01')).toBe('movements.validation.endBeforeStart');
  });

  it('wants content numbers 1..99 without repeats', () => {
    expect(checkContentNumbers([1, 2, 3])).toBeUndefined();
    expect(checkContentNumbers([1, 1])).toBe('movements.validation.contentNumbersRepeat');
    expect(checkContentNumbers([0])).toBe('movements.validation.contentNumberRange');
    expect(checkContentNumbers([100])).toBe('movements.validation.contentNumberRange');
  });

  it('keeps milestones inside their phase and phases inside the movement', () => {
    expect(checkMilestone('2025-08-15', '2025-07-01', '2025-12-31')).toBeUndefined();
    expect(checkMilestone('2026-01-01', '2025-07-01', '2025-12-31')).toBe('movements.validation.milestoneOutsidePhase');
    expect(checkInside('2025-06-30', undefined, '2025-07-01', '2025-12-31')).toBe('movements.validation.outsideCampaign');
    expect(checkInside('2025-07-01', '2025-12-31', '2025-07-01', '2025-12-31')).toBeUndefined();
  });

  it('checks a target against its direction and measure', () => {
    expect(checkTarget({ measure: 'percent', direction: 'increase', baseline: 35, target: 100 })).toBeUndefined();
    expect(checkTarget({ measure: 'count', direction: 'increase', baseline: 7, target: 7 })).toBe('movements.validation.increaseAboveBaseline');
    expect(checkTarget({ measure: 'count', direction: 'decrease', baseline: 7, target: 9 })).toBe('movements.validation.decreaseBelowBaseline');
    expect(checkTarget({ measure: 'count', direction: 'decrease', baseline: 7, target: 3 })).toBeUndefined();
    expect(checkTarget({ measure: 'percent', direction: 'increase', baseline: 50, target: 120 })).toBe('movements.validation.percentRange');
  });

  it('allows four decimal places and http(s) evidence links', () => {
    expect(checkDecimal(1.2345)).toBeUndefined();
    expect(checkDecimal(1.23456)).toBe('movements.validation.decimalPlaces');
    expect(checkUrl('https://example.gov.vn/a.pdf')).toBeUndefined();
    expect(checkUrl('ftp://example.gov.vn')).toBe('movements.validation.url');
    expect(checkUrl('not a link')).toBe('movements.validation.url');
  });

  it('computes progress as the API does, for both directions', () => {
    expect(progressOf(67.5, 35, 100)).toBeCloseTo(0.5);
    expect(progressOf(5, 7, 3)).toBeCloseTo(0.5);
    expect(progressOf(200, 35, 100)).toBe(1);
    expect(progressOf(10, 35, 100)).toBe(0);
  });
});
