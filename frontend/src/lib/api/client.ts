/**
 * openapi-fetch clients for the services, typed by the generated `schema/*.d.ts`
 * (`make gen-client`). Every non-2xx answer rejects with an ApiProblem, so
 * TanStack Query errors are ApiProblems (or a network TypeError).
 */
import createClient from 'openapi-fetch';
import type { Client, Middleware } from 'openapi-fetch';
import { env } from '@/config/env';
import { problemFromResponse } from '@/lib/api-client';

export type ServiceName = 'campaign' | 'scoring' | 'literacy';

/** Turns every HTTP error answer into a thrown ApiProblem (RFC 9457 body when there is one). */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await problemFromResponse(response);
    return undefined;
  },
};

/**
 * A typed client for one service under `${env.apiBase}/<service>`, with
 * `middleware` (e.g. the auth middleware) and the problem middleware.
 */
export function createServiceClient<Paths extends object>(
  service: ServiceName,
  middleware: readonly Middleware[] = [],
): Client<Paths> {
  const base = `${env.apiBase}/${service}`;
  const client = createClient<Paths>({
    // openapi-fetch builds Request objects, which need an absolute URL outside a browser (tests).
    baseUrl: base.startsWith('/') ? `${window.location.origin}${base}` : base,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json' },
    // Looked up per request, not captured once, so tests can stub global fetch.
    fetch: (request) => globalThis.fetch(request),
  });
  // openapi-fetch runs onResponse in reverse order of registration: the given middleware sees an
  // error answer (e.g. the auth middleware's 401) before the problem middleware throws it.
  client.use(problemMiddleware, ...middleware);
  return client;
}

interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The body type of openapi-fetch's success branch (`{data, error?: never}`), without the error branch's `data?: never`. */
type SuccessData<Result> = Result extends { data: infer Data; error?: never } ? Data : never;

/**
 * The body of a successful call. The problem middleware already threw for
 * error answers; this narrows openapi-fetch's `{data} | {error}` union.
 */
export async function unwrap<Result extends ClientResult>(request: Promise<Result>): Promise<SuccessData<Result>> {
  const result = await request;
  if (result.error !== undefined) {
    throw await problemFromResponse(result.response);
  }
  return result.data as SuccessData<Result>;
}

/** OAuth2 form bodies (the token endpoint), instead of JSON. */
export function formBody(fields: Readonly<Record<string, string | null | undefined>>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) form.set(name, value);
  }
  return form;
}
