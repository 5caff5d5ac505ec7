/**
 * The signed-in session. The access token and the current user live in memory only; the rotating
 * refresh token lives in an HttpOnly, Secure, SameSite=Strict cookie that campaign-api sets on its
 * token path (`X-Refresh-Cookie: 1`), so scripts never see it. A reload or a new tab restores the
 * session from the cookie (`restoreSession`, once at start); access tokens are refreshed before they
 * expire, one tab at a time (Web Locks: the cookie rotates, and a spent one seen twice ends the
 * sign-in). Signing out revokes the sign-in server-side and tells the other tabs. A 401 from any
 * service ends the session, and the route guard then sends the user to /login?next=….
 */
import type { Middleware } from 'openapi-fetch';
import { isApiProblem } from '@/lib/api-client';
import { createServiceClient, formBody, unwrap } from '@/lib/api/client';
import type { components, paths as CampaignPaths } from '@/lib/api/schema/campaign';
import type { CurrentUser } from './roles';

export interface Session {
  readonly accessToken: string;
  /** Whether the cookie can refresh this session (false for a session made up by a test). */
  readonly refreshable: boolean;
  /** Epoch milliseconds at which the access token expires. */
  readonly expiresAt: number;
  readonly user: CurrentUser;
}

/** Why the last session ended, for the login page to explain it. */
export type SessionEnd = 'signed-out' | 'expired';

interface SessionState {
  readonly session: Session | null;
  readonly ended: SessionEnd | null;
  /** True while a reload or a new tab restores the session from the cookie (the guard waits). */
  readonly restoring: boolean;
}

const TOKEN_PATH = '/v1/auth/token';
/** Asks campaign-api to keep the refresh token in its HttpOnly cookie (and to read it from there). */
const COOKIE_MODE = { 'X-Refresh-Cookie': '1' } as const;
/**
 * Set while this browser holds a sign-in cookie (the cookie itself is HttpOnly, so scripts cannot
 * see it): a page opened without one does not ask for a refresh that can only fail. Not a secret.
 */
const SIGNED_IN_HINT = 'tds.signed-in';
const CHANNEL_NAME = 'tds.session';
const REFRESH_LOCK = 'tds.refresh';
/** Refresh this long before expiry (or halfway through very short lifetimes). */
const REFRESH_MARGIN_MS = 60_000;

// Token grants and who-am-I go through a client without the auth middleware (which needs this module).
const identityApi = createServiceClient<CampaignPaths>('campaign');

let state: SessionState = { session: null, ended: null, restoring: false };
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
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...COOKIE_MODE },
    }),
  );
}

async function fetchCurrentUser(accessToken: string): Promise<CurrentUser> {
  return unwrap(identityApi.GET('/v1/auth/me', { headers: { Authorization: `Bearer ${accessToken}` } }));
}

function hint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage refused (private mode): a reload then just asks the cookie.
  }
}

function hinted(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) !== null;
  } catch {
    return true;
  }
}

type TabMessage = { kind: 'signed-out' } | { kind: 'signed-in' };
let channel: BroadcastChannel | undefined;

function tabs(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    // Another tab signed out: the sign-in is over here too.
    if (event.data.kind === 'signed-out') endSession('signed-out');
    // Another tab signed in (perhaps as someone else): the cookie is now theirs.
    if (event.data.kind === 'signed-in') void restoreSession({ replace: true });
  };
  return channel;
}

function tellOtherTabs(message: TabMessage): void {
  tabs()?.postMessage(message);
}

/** Runs `task` while no other tab of this browser refreshes (the cookie rotates on every refresh). */
async function oneTabAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return locks.request(REFRESH_LOCK, task);
}

/** The `sub` claim of an access token (who it belongs to), read without verifying it. */
function subjectOf(accessToken: string): string | undefined {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/')) || '{}';
    const claims = JSON.parse(json) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

function scheduleRefresh(session: Session): void {
  clearTimeout(refreshTimer);
  if (!session.refreshable) return;
  const lifetime = session.expiresAt - Date.now();
  const delay = Math.max(0, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2));
  refreshTimer = setTimeout(() => void refreshSession(), delay);
}

function start(tokens: TokenAnswer, user: CurrentUser): Session {
  const session: Session = {
    accessToken: tokens.access_token,
    refreshable: true,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    user,
  };
  hint(true);
  tabs();
  setState({ session, ended: null, restoring: false });
  scheduleRefresh(session);
  return session;
}

/** Password grant, then who-am-I. Rejects with the ApiProblem (401 wrong credentials, 429 locked). */
export async function signIn(username: string, password: string): Promise<Session> {
  const tokens = await requestTokens({ grant_type: 'password', username, password });
  const user = await fetchCurrentUser(tokens.access_token);
  const session = start(tokens, user);
  tellOtherTabs({ kind: 'signed-in' });
  return session;
}

let restoring: Promise<Session | null> | undefined;

/**
 * A reload or a new tab: trades the cookie for an access token and asks who it belongs to. Resolves
 * with the session, or null (no cookie, or a spent or revoked one: the user signs in again). With
 * `replace`, done even when there is a session (another tab signed in and the cookie changed).
 */
export function restoreSession({ replace = false }: { replace?: boolean } = {}): Promise<Session | null> {
  if ((state.session && !replace) || !hinted()) return Promise.resolve(state.session);
  restoring ??= (async () => {
    const before = state.session;
    if (!before) setState({ ...state, restoring: true });
    try {
      const tokens = await oneTabAtATime(() => requestTokens({ grant_type: 'refresh_token' }));
      if (state.session !== before) return state.session;
      const user = await fetchCurrentUser(tokens.access_token);
      if (state.session !== before) return state.session;
      return start(tokens, user);
    } catch (error) {
      if (isApiProblem(error) && state.session === before) {
        hint(false);
        if (before) endSession('expired');
      }
      return state.session;
    } finally {
      restoring = undefined;
      if (state.restoring) setState({ ...state, restoring: false });
    }
  })();
  return restoring;
}

/** Ends the session; `reason` tells the login page what to say. */
export function endSession(reason: SessionEnd = 'signed-out'): void {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  refreshing = undefined;
  if (reason === 'signed-out') hint(false);
  if (state.session === null && state.ended === reason && !state.restoring) return;
  setState({ session: null, ended: reason, restoring: false });
}

/**
 * Signs out here and in every other tab: the session ends at once, campaign-api revokes the sign-in
 * (every refresh token of it) and clears the cookie. Resolves once the server has answered.
 */
export async function signOut(): Promise<void> {
  const hadSession = state.session?.refreshable ?? false;
  endSession('signed-out');
  tellOtherTabs({ kind: 'signed-out' });
  if (!hadSession) return;
  try {
    await oneTabAtATime(() => identityApi.POST('/v1/auth/token/revoke', { params: { header: COOKIE_MODE } }));
  } catch {
    // Offline: the cookie still expires, and the next sign-in replaces it.
  }
}

/**
 * Trades the refresh token for new tokens (one request at a time). Resolves
 * with the new session, or null after ending it when the refresh is refused.
 */
export function refreshSession(): Promise<Session | null> {
  const current = state.session;
  if (!current?.refreshable) return Promise.resolve(current);
  refreshing ??= (async () => {
    try {
      const tokens = await oneTabAtATime(() => requestTokens({ grant_type: 'refresh_token' }));
      // Still the same sign-in? (The user may have signed out meanwhile.)
      if (state.session !== current) return state.session;
      // The cookie is the browser's: another tab may have signed in as someone else since.
      const user =
        subjectOf(tokens.access_token) === subjectOf(current.accessToken)
          ? current.user
          : await fetchCurrentUser(tokens.access_token);
      if (state.session !== current) return state.session;
      return start(tokens, user);
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
  restoring = undefined;
  setState({ session, ended: null, restoring: false });
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
