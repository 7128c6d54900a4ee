// Small plain-words helpers shared by the Square inspection, refresh and payment messages.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "in 29 days", "in 5 hours", "in 12 minutes" (for a positive span). */
export function inTime(ms: number): string {
  if (ms >= 2 * DAY) return `in ${Math.floor(ms / DAY)} days`;
  if (ms >= 2 * HOUR) return `in ${Math.floor(ms / HOUR)} hours`;
  return `in ${Math.max(1, Math.floor(ms / MINUTE))} minutes`;
}

export const dateOf = (iso: string): string => iso.slice(0, 10);

/** An ISO time from Square as the contract stores it (UTC, milliseconds). */
export const isoOf = (t: string): string => new Date(t).toISOString();

export const other = <E extends 'sandbox' | 'production'>(e: E): 'sandbox' | 'production' =>
  e === 'sandbox' ? 'production' : 'sandbox';
