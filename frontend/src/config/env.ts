/**
 * Runtime configuration, read from `import.meta.env` once at start-up.
 * A bad value fails loudly here instead of producing odd requests later.
 */
export interface Env {
  /**
   * Prefix of every API request, without a trailing slash: "/api" by default,
   * "" when the API sits at the site root, or an absolute http(s) URL.
   */
  readonly apiBase: string;
}

const DEFAULT_API_BASE = '/api';

export function parseEnv(raw: Readonly<Record<string, unknown>>): Env {
  const value = raw.VITE_API_BASE;
  if (value !== undefined && typeof value !== 'string') {
    throw new Error('VITE_API_BASE must be a string.');
  }
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    return Object.freeze({ apiBase: DEFAULT_API_BASE });
  }
  if (!trimmed.startsWith('/') && !/^https?:\/\/[^/]+/i.test(trimmed)) {
    throw new Error(
      `VITE_API_BASE must be a path starting with "/" or an http(s) URL; got "${trimmed}".`,
    );
  }
  return Object.freeze({ apiBase: trimmed.replace(/\/+$/, '') });
}

export const env: Env = parseEnv(import.meta.env);
