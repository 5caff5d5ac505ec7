import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '@/app/App';
import { routes } from '@/app/router';
import type { CurrentUser, Role } from '@/lib/auth/roles';
import { setSessionForTesting } from '@/lib/auth/session';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
}

/** A user as /v1/auth/me describes them; `roles` defaults to admin. */
export function testUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    username: 'nguyenvana',
    full_name: 'Nguyễn Văn A',
    roles: ['admin'],
    unit_codes: [],
    learner_id: null,
    scopes: [],
    ...overrides,
  };
}

function isUser(who: readonly Role[] | CurrentUser): who is CurrentUser {
  return 'roles' in who;
}

/** Starts an in-memory session (no token request) for a user with `roles` or the given user. */
export function signInForTesting(who: readonly Role[] | CurrentUser = ['admin']): CurrentUser {
  const user = isUser(who) ? who : testUser({ roles: [...who] });
  setSessionForTesting({
    accessToken: 'test-access-token',
    refreshable: false,
    expiresAt: Date.now() + 15 * 60_000,
    user,
  });
  return user;
}

/**
 * Renders the whole app (providers, shell, routes) at `path`. Signed out
 * unless `signedInAs` gives roles or a user (see signInForTesting).
 */
export function renderApp(path = '/', { signedInAs }: { signedInAs?: readonly Role[] | CurrentUser } = {}) {
  if (signedInAs) signInForTesting(signedInAs);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, user, router, queryClient };
}

type FetchAnswer = Response | Error;

/** The URL a fetch call was made with, whatever form it was given in. */
export function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * Replaces global fetch for one test. `answer` maps a request URL to a
 * Response (any status) or an Error (a network failure); it also gets the
 * Request when the caller passed one (the typed clients do: its method and body). Returns the mock.
 */
export function mockFetch(answer: (url: string, init?: RequestInit, request?: Request) => FetchAnswer) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const result = answer(requestUrl(input), init, input instanceof Request ? input : undefined);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}
