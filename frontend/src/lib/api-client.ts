import { env } from '@/config/env';

/** One entry of the `errors` extension member of a problem details body. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ApiProblemInit {
  status: number;
  title: string;
  type?: string | undefined;
  detail?: string | undefined;
  instance?: string | undefined;
  errors?: readonly FieldError[] | undefined;
}

/**
 * An HTTP error response from the API, read from an RFC 9457
 * `application/problem+json` body when there is one.
 *
 * Only HTTP error responses become an ApiProblem; a network failure rejects
 * with the TypeError that `fetch` throws, and an aborted request with an
 * AbortError.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  /** HTTP status of the response (authoritative over the body's `status`). */
  readonly status: number;
  readonly title: string;
  /** Problem type URI; "about:blank" when the body gives none. */
  readonly type: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  /** Per-field validation errors, empty when the body has none. */
  readonly errors: readonly FieldError[];

  constructor(init: ApiProblemInit) {
    super(init.detail ?? init.title);
    this.status = init.status;
    this.title = init.title;
    this.type = init.type ?? 'about:blank';
    this.detail = init.detail;
    this.instance = init.instance;
    this.errors = init.errors ?? [];
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.field === 'string' && typeof entry.message === 'string'
      ? [{ field: entry.field, message: entry.message }]
      : [],
  );
}

/** Builds an ApiProblem from a failed response, whatever its body holds. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown;
  if (JSON_TYPE.test(response.headers.get('content-type') ?? '')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  const problem = isRecord(body) ? body : {};
  return new ApiProblem({
    status: response.status,
    title:
      optionalString(problem.title) ??
      optionalString(response.statusText) ??
      `HTTP ${response.status}`,
    type: optionalString(problem.type),
    detail: optionalString(problem.detail),
    instance: optionalString(problem.instance),
    errors: readFieldErrors(problem.errors),
  });
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON when present. */
  body?: unknown;
  headers?: HeadersInit;
  signal?: AbortSignal;
}

/** Joins the configured API base and a path such as "/campaign/healthz". */
export function apiUrl(path: string): string {
  return `${env.apiBase}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Sends a request to the API and returns the parsed JSON body
 * (`undefined` for an empty body). The result type is the caller's claim about
 * the server's answer; validate it where a wrong shape would matter.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json, application/problem+json');

  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    init.body = JSON.stringify(body);
  }

  const url = apiUrl(path);
  const response = await fetch(url, init);
  if (!response.ok) {
    throw await problemFromResponse(response);
  }

  const text = await response.text();
  if (text === '') {
    return undefined as T;
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(contentType)) {
    throw new Error(`Expected JSON from ${url}, got "${contentType || 'no content type'}".`);
  }
  return JSON.parse(text) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
