import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/format';

describe('formatDate', () => {
  it('writes API dates as dd/MM/yyyy in Vietnamese, without a time-zone shift', () => {
    expect(formatDate('2025-09-30', 'vi')).toBe('30/09/2025');
    expect(formatDate('2025-01-01', 'vi')).toBe('01/01/2025');
  });

  it('writes the month name in English', () => {
    expect(formatDate('2025-09-30', 'en')).toBe('30 Sep 2025');
  });

  it('follows the active language by default', async () => {
    expect(formatDate('2025-07-15')).toBe('15/07/2025');
    await i18n.changeLanguage('en');
    expect(formatDate('2025-07-15')).toBe('15 Jul 2025');
  });

  it('shows a dash for a missing or invalid date', () => {
    expect(formatDate(null, 'vi')).toBe('–');
    expect(formatDate(undefined, 'vi')).toBe('–');
    expect(formatDate('', 'vi')).toBe('–');
    expect(formatDate('not a date', 'vi')).toBe('–');
  });

  it('writes timestamps with the time of day', () => {
    expect(formatDateTime(new Date(2025, 8, 30, 14, 5), 'vi')).toBe('14:05 30/09/2025');
    expect(formatDateTime(new Date(2025, 8, 30, 14, 5), 'en')).toBe('30 Sep 2025, 14:05');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma in Vietnamese', () => {
    expect(formatNumber(1234567.891, {}, 'vi')).toBe('1.234.567,89');
    expect(formatNumber(3000, {}, 'vi')).toBe('3.000');
  });

  it('uses commas and a decimal point in English', () => {
    expect(formatNumber(1234567.891, {}, 'en')).toBe('1,234,567.89');
  });

  it('reads the decimal strings the API sends', () => {
    expect(formatNumber('85.50', { minimumFractionDigits: 1, maximumFractionDigits: 1 }, 'vi')).toBe('85,5');
  });

  it('shows a dash for no number', () => {
    expect(formatNumber(null, {}, 'vi')).toBe('–');
    expect(formatNumber('abc', {}, 'vi')).toBe('–');
  });
});

describe('formatPercent', () => {
  it('writes a 0..1 ratio as a percentage with one decimal at most', () => {
    expect(formatPercent(0.855, {}, 'vi')).toBe('85,5%');
    expect(formatPercent(0.855, {}, 'en')).toBe('85.5%');
    expect(formatPercent(1, {}, 'vi')).toBe('100%');
    expect(formatPercent('0.2500', {}, 'en')).toBe('25%');
  });

  it('shows a dash for no ratio', () => {
    expect(formatPercent(undefined, {}, 'vi')).toBe('–');
  });
});
