import { describe, expect, it } from 'vitest';

// Every source file of the dashboard but the tests and the generated API types, as text.
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/__tests__/**', '!/src/lib/api/schema/**', '!/src/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Where the signed-in user's roles may be looked at: which pages exist for whom, nothing else. */
const ROLE_PLACES = ['/src/app/navigation.tsx', '/src/lib/auth/roles.ts'];

describe('the dashboard never decides permissions itself', () => {
  it('reads the files it checks', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
  });

  it('looks at roles only in navigation (pages per role), never beside a control', () => {
    const offenders = Object.entries(sources)
      .filter(([file, text]) => !ROLE_PLACES.includes(file) && /\bhasAnyRole\b|\.roles\.(includes|some)\(|\bunit_codes\.includes\(/.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
