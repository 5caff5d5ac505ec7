/**
 * What a person should read about a movement's time: its stored status, corrected by its dates.
 * A movement still `active` after its end date has ended (it only waits for its organiser to close
 * it); one `active` before its start date has not begun yet. Neither says "0 days left".
 */
import type { CampaignStatus } from './api/keys';

export type ShownStatus = CampaignStatus | 'ended' | 'upcoming';

/** Days are calendar days ("YYYY-MM-DD"), compared as strings, so no time zone shifts them. */
export function shownStatus(status: CampaignStatus, startsOn: string, endsOn: string, today: string): ShownStatus {
  if (status !== 'active') return status;
  if (endsOn < today) return 'ended';
  if (startsOn > today) return 'upcoming';
  return 'active';
}

/** Whole days from `today` to `endsOn` (0 on the last day), or null once the movement is over. */
export function daysLeft(status: CampaignStatus, endsOn: string, today: string): number | null {
  if (status === 'closed' || endsOn < today) return null;
  const day = 24 * 60 * 60 * 1000;
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / day);
}

/** Today as the API writes a day, in the browser's own calendar. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
