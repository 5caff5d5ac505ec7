/**
 * The signed-in session: tokens and the current user, kept in memory only (a
 * reload signs out). Access tokens are refreshed before they expire with the
 * rotating refresh token; a 401 from any service ends the session, and the
 * route guard then sends the user to /login?next=….
 */
import type { Middleware } from 'openapi-fetch';
import { isApiProblem } from '@/lib/api-client';
import { createServiceClient, formBody, unwrap } from '@/lib/api/client';
import type { components, paths as CampaignPaths } from '@/lib/api/schema/campaign';
import type { CurrentUser } from './roles';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  /** Epoch milliseconds at which the access token expires. */
  readonly expiresAt: number;
  readonly user: CurrentUser;
}

/** Why the last session ended, for the login page to explain it. */
export type SessionEnd = 'signed-out' | 'expired';

interface SessionState {
  readonly session: Session | null;
  readonly ended: SessionEnd | null;
}

const TOKEN_PATH = '/v1/auth/token';
/** Refresh this long before expiry (or halfway through very short lifetimes). */
const REFRESH_MARGIN_MS = 60_000;

// Token grants and who-am-I go through a client without the auth middleware (which needs this module).
const identityApi = createServiceClient<CampaignPaths>('campaign');

let state: SessionState = { session: null, ended: null };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<Session | null> | undefined;

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getSessionState(): SessionState {
  return state;
}

export function getSession(): Session | null {
  return state.session;
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token?: string | null;
}

type TokenForm = components['schemas']['Body_issue_token_v1_auth_token_post'];

async function requestTokens(fields: TokenForm): Promise<TokenAnswer> {
  return unwrap(
    identityApi.POST(TOKEN_PATH, {
      body: fields,
      bodySerializer: formBody,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
}

async function fetchCurrentUser(accessToken: string): Promise<CurrentUser> {
  return unwrap(identityApi.GET('/v1/auth/me', { headers: { Authorization: `Bearer ${accessToken}` } }));
}

function scheduleRefresh(session: Session): void {
  clearTimeout(refreshTimer);
  if (!session.refreshToken) return;
  const lifetime = session.expiresAt - Date.now();
  const delay = Math.max(0, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2));
  refreshTimer = setTimeout(() => void refreshSession(), delay);
}

function start(tokens: TokenAnswer, user: CurrentUser, previous?: Session): Session {
  const session: Session = {
    accessToken: tokens.access_token,
    // Refresh tokens rotate: keep the new one (the old one is now spent).
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    user,
  };
  setState({ session, ended: null });
  scheduleRefresh(session);
  return session;
}

/** Password grant, then who-am-I. Rejects with the ApiProblem (401 wrong credentials, 429 locked). */
export async function signIn(username: string, password: string): Promise<Session> {
  const tokens = await requestTokens({ grant_type: 'password', username, password });
  const user = await fetchCurrentUser(tokens.access_token);
  return start(tokens, user);
}

/** Ends the session; `reason` tells the login page what to say. */
export function endSession(reason: SessionEnd = 'signed-out'): void {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  refreshing = undefined;
  if (state.session === null && state.ended === reason) return;
  setState({ session: null, ended: reason });
}

export function signOut(): void {
  endSession('signed-out');
}

/**
 * Trades the refresh token for new tokens (one request at a time). Resolves
 * with the new session, or null after ending it when the refresh is refused.
 */
export function refreshSession(): Promise<Session | null> {
  const current = state.session;
  if (!current?.refreshToken) return Promise.resolve(current);
  refreshing ??= (async () => {
    try {
      const tokens = await requestTokens({ grant_type: 'refresh_token', refresh_token: current.refreshToken ?? '' });
      // Still the same sign-in? (The user may have signed out meanwhile.)
      if (state.session !== current) return state.session;
      return start(tokens, current.user, current);
    } catch (error) {
      if (state.session === current && isApiProblem(error)) endSession('expired');
      return state.session;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** Replaces the session outright: tests and stories only. */
export function setSessionForTesting(session: Session | null): void {
  clearTimeout(refreshTimer);
  refreshing = undefined;
  setState({ session, ended: null });
}

/**
 * Adds the bearer token to every request (refreshing first when a sleeping
 * tab let it lapse) and ends the session when a service answers 401.
 */
export const authMiddleware: Middleware = {
  async onRequest({ request }) {
    let session = state.session;
    if (session && Date.now() >= session.expiresAt - 5_000) {
      session = await refreshSession();
    }
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    const sent = request.headers.get('Authorization');
    if (response.status === 401 && sent && sent === `Bearer ${state.session?.accessToken ?? ''}`) {
      endSession('expired');
    }
    return undefined;
  },
};
