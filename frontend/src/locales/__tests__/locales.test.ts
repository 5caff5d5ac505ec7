import { describe, expect, it } from 'vitest';
import en from '../en.json';
import vi from '../vi.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it('vi.json and en.json define the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('has no empty strings', () => {
    for (const resource of [vi, en]) {
      for (const key of keys(resource)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
        expect(value, key).toEqual(expect.stringMatching(/\S/));
      }
    }
  });
});
