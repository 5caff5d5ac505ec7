import { useMutation } from '@tanstack/react-query';
import { signIn } from '@/lib/auth/session';
import type { Session } from '@/lib/auth/session';

export interface Credentials {
  username: string;
  password: string;
}

/** Password grant, then who-am-I (lib/auth/session); rejects with an ApiProblem. */
export function postSignIn({ username, password }: Credentials): Promise<Session> {
  return signIn(username.trim(), password);
}

export function useSignIn(options: { onSuccess?: (session: Session) => void } = {}) {
  return useMutation({ mutationKey: ['auth', 'sign-in'], mutationFn: postSignIn, ...options });
}
