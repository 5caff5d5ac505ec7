import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';

describe('parseEnv', () => {
  it('defaults VITE_API_BASE to /api', () => {
    expect(parseEnv({}).apiBase).toBe('/api');
    expect(parseEnv({ VITE_API_BASE: '  ' }).apiBase).toBe('/api');
  });

  it('accepts a path or an http(s) URL and drops trailing slashes', () => {
    expect(parseEnv({ VITE_API_BASE: '/gateway/api/' }).apiBase).toBe('/gateway/api');
    expect(parseEnv({ VITE_API_BASE: '/' }).apiBase).toBe('');
    expect(parseEnv({ VITE_API_BASE: 'https://thiduaso.example.vn/api' }).apiBase).toBe(
      'https://thiduaso.example.vn/api',
    );
  });

  it('rejects values that are neither a path nor an http(s) URL', () => {
    expect(() => parseEnv({ VITE_API_BASE: 'api' })).toThrow(/VITE_API_BASE/);
    expect(() => parseEnv({ VITE_API_BASE: 'ftp://x/api' })).toThrow(/VITE_API_BASE/);
    expect(() => parseEnv({ VITE_API_BASE: 42 })).toThrow(/VITE_API_BASE/);
  });
});
