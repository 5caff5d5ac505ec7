import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiProblem } from '@/lib/api-client';
import { campaignApi, literacyApi, unwrap } from '@/lib/api/services';
import { getSession, getSessionState, refreshSession, restoreSession, signIn, signOut } from '@/lib/auth/session';
import { jsonResponse, mockFetch, testUser } from '@/testing/test-utils';

function tokens(n: number, expiresIn = 900) {
  return { access_token: `access-${n}`, token_type: 'bearer', expires_in: expiresIn, refresh_token: `refresh-${n}` };
}

async function formOf(request: Request): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await request.clone().text()));
}

describe('session', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(async () => {
    await signOut();
    vi.useRealTimers();
  });

  it('refreshes the access token a minute before it expires, from the cookie', async () => {
    let issued = 0;
    const grants: Record<string, string>[] = [];
    mockFetch(() => jsonResponse({}));
    const fetchMock = vi.fn(async (request: Request) => {
      if (request.url.endsWith('/auth/token')) {
        grants.push(await formOf(request));
        issued += 1;
        return jsonResponse(tokens(issued));
      }
      return jsonResponse(testUser());
    });
    vi.stubGlobal('fetch', fetchMock);

    await signIn('admin', 'admin');
    expect(getSession()?.accessToken).toBe('access-1');

    await vi.advanceTimersByTimeAsync(839_000);
    expect(grants).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    // The refresh token is campaign-api's HttpOnly cookie: the grant names none.
    expect(grants[1]).toEqual({ grant_type: 'refresh_token' });
    expect(getSession()?.accessToken).toBe('access-2');

    await vi.advanceTimersByTimeAsync(841_000);
    expect(grants[2]).toEqual({ grant_type: 'refresh_token' });
    expect(getSession()?.accessToken).toBe('access-3');
  });

  it('ends the session when the refresh token is refused', async () => {
    const fetchMock = vi.fn((request: Request) =>
      Promise.resolve(
        request.url.endsWith('/auth/token') && request.method === 'POST' && getSession()
          ? jsonResponse({ title: 'Unauthorized', status: 401 }, 401, 'application/problem+json')
          : request.url.endsWith('/auth/token')
            ? jsonResponse(tokens(1))
            : jsonResponse(testUser()),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    await signIn('admin', 'admin');

    await expect(refreshSession()).resolves.toBeNull();
    expect(getSession()).toBeNull();
  });

  it('sends the bearer token to every service and turns error answers into ApiProblems', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        seen.push(request.headers.get('Authorization'));
        if (request.url.endsWith('/auth/token')) return Promise.resolve(jsonResponse(tokens(7)));
        if (request.url.endsWith('/auth/me')) return Promise.resolve(jsonResponse(testUser()));
        return Promise.resolve(
          jsonResponse(
            { title: 'Unprocessable Entity', status: 422, detail: 'The request is not valid; see `errors`.', errors: [{ field: 'limit', message: 'too big' }] },
            422,
            'application/problem+json',
          ),
        );
      }),
    );
    await signIn('admin', 'admin');

    const error: unknown = await unwrap(literacyApi.GET('/v1/courses')).catch((caught: unknown) => caught);

    expect(seen).toEqual([null, 'Bearer access-7', 'Bearer access-7']);
    expect(isApiProblem(error) && error.status).toBe(422);
    expect(isApiProblem(error) && error.errors).toEqual([{ field: 'limit', message: 'too big' }]);
    // A 422 is about the request, not the session.
    expect(getSession()).not.toBeNull();
  });

  it('restores the session from the cookie on a reload, and only when this browser signed in', async () => {
    const requests: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        requests.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('X-Refresh-Cookie') ?? ''}`);
        if (request.url.endsWith('/auth/token')) {
          expect(Object.fromEntries(new URLSearchParams(await request.clone().text()))).toEqual({ grant_type: 'refresh_token' });
          return jsonResponse({ access_token: 'access-r', token_type: 'bearer', expires_in: 900, refresh_token: null });
        }
        if (request.url.endsWith('/auth/token/revoke')) return new Response(null, { status: 204 });
        return jsonResponse(testUser());
      }),
    );
    // A first visit: no sign-in hint, no request.
    localStorage.removeItem('tds.signed-in');
    await expect(restoreSession()).resolves.toBeNull();
    expect(requests).toEqual([]);

    localStorage.setItem('tds.signed-in', '1');
    const restoring = restoreSession();
    expect(getSessionState().restoring).toBe(true);
    const session = await restoring;
    expect(session?.accessToken).toBe('access-r');
    expect(getSessionState().restoring).toBe(false);
    expect(requests).toEqual(['POST /api/campaign/v1/auth/token 1', 'GET /api/campaign/v1/auth/me ']);

    // Signing out revokes the sign-in server-side and forgets the hint.
    await signOut();
    expect(getSession()).toBeNull();
    expect(requests[2]).toBe('POST /api/campaign/v1/auth/token/revoke 1');
    expect(localStorage.getItem('tds.signed-in')).toBeNull();
  });

  it('forgets the hint when the cookie is refused (spent, revoked or expired)', async () => {
    localStorage.setItem('tds.signed-in', '1');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse({ title: 'Unauthorized', status: 401 }, 401, 'application/problem+json'))),
    );
    await expect(restoreSession()).resolves.toBeNull();
    expect(getSessionState()).toEqual({ session: null, ended: null, restoring: false });
    expect(localStorage.getItem('tds.signed-in')).toBeNull();
  });

  it('calls the services under the configured API base', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        urls.push(new URL(request.url).pathname);
        return Promise.resolve(jsonResponse({ items: [], total: 0 }));
      }),
    );
    await unwrap(campaignApi.GET('/v1/campaigns'));
    expect(urls).toEqual(['/api/campaign/v1/campaigns']);
  });
});
