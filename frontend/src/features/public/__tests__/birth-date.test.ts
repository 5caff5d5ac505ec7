import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../birth-date';

const TODAY = new Date(2026, 11, 2);

describe('parseBirthDate', () => {
  it('reads day/month/year as the API date', () => {
    expect(parseBirthDate('17/05/1990', TODAY)).toBe('1990-05-17');
    expect(parseBirthDate(' 8/3/1985 ', TODAY)).toBe('1985-03-08');
    expect(parseBirthDate('29/02/2024', TODAY)).toBe('2024-02-29');
    expect(parseBirthDate('02/12/2026', TODAY)).toBe('2026-12-02');
  });

  it('refuses what is no real past date', () => {
    for (const text of ['31/02/1990', '29/02/2023', '1990-05-17', '17/13/1990', '03/12/2026', '01/01/1899', '', 'hôm qua']) {
      expect(parseBirthDate(text, TODAY), text).toBeUndefined();
    }
  });
});
