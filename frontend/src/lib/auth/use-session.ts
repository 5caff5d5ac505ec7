/** React bindings of the in-memory session (see session.ts). */
import { useSyncExternalStore } from 'react';
import type { CurrentUser } from './roles';
import { getSessionState, subscribeSession } from './session';
import type { Session, SessionEnd } from './session';

export function useSessionState(): { session: Session | null; ended: SessionEnd | null; restoring: boolean } {
  return useSyncExternalStore(subscribeSession, getSessionState, getSessionState);
}

export function useSession(): Session | null {
  return useSessionState().session;
}

/**
 * The signed-in user. Only for components under the RequireAuth guard, where
 * there always is one; elsewhere use `useSession()`.
 */
export function useCurrentUser(): CurrentUser {
  const session = useSession();
  if (!session) throw new Error('useCurrentUser() needs a signed-in session (RequireAuth).');
  return session.user;
}
