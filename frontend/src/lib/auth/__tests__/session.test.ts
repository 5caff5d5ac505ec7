import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiProblem } from '@/lib/api-client';
import { campaignApi, literacyApi, unwrap } from '@/lib/api/services';
import { getSession, refreshSession, signIn, signOut } from '@/lib/auth/session';
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
  afterEach(() => {
    signOut();
    vi.useRealTimers();
  });

  it('refreshes the access token a minute before it expires and keeps the rotated refresh token', async () => {
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
    expect(grants[1]).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    expect(getSession()?.accessToken).toBe('access-2');
    expect(getSession()?.refreshToken).toBe('refresh-2');

    await vi.advanceTimersByTimeAsync(841_000);
    expect(grants[2]).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-2' });
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
