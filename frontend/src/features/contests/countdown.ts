/** The time left on an attempt, from the deadline the server set (never a client-side timer's own count). */
export function secondsLeft(deadline: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((Date.parse(deadline) - now) / 1000));
}

/** `mm:ss` (or `h:mm:ss` past an hour). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(rest).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

const TOKEN_KEY = (contestId: string) => `contest-token:${contestId}`;

/** The participant token is kept for this browser tab only. */
export function storeToken(contestId: string, token: string): void {
  sessionStorage.setItem(TOKEN_KEY(contestId), token);
}

export function storedToken(contestId: string): string | null {
  return sessionStorage.getItem(TOKEN_KEY(contestId));
}

const ATTEMPTS_KEY = (contestId: string) => `contest-attempts:${contestId}`;

/** An attempt the participant submitted in this tab, to read again (keys and explanations once its round has closed). */
export interface StoredAttempt {
  attemptId: string;
  roundTitle: string;
}

export function storedAttempts(contestId: string): StoredAttempt[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(ATTEMPTS_KEY(contestId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is StoredAttempt => typeof item === 'object' && item !== null && typeof (item as StoredAttempt).attemptId === 'string')
      : [];
  } catch {
    return [];
  }
}

export function storeAttempt(contestId: string, attempt: StoredAttempt): StoredAttempt[] {
  const attempts = [attempt, ...storedAttempts(contestId).filter((item) => item.attemptId !== attempt.attemptId)];
  sessionStorage.setItem(ATTEMPTS_KEY(contestId), JSON.stringify(attempts));
  return attempts;
}
