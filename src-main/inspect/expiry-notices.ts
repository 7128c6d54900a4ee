// What to warn about while the app runs (raised by the shell as OS notifications): tokens that
// expire within the warning window or have expired, and Square OAuth tokens past Square's own
// guidance (refresh every 7 days or less; alert when a stored token is older than 8 days,
// square-api.md §4). A pure function: the caller remembers what it already raised.
import type { StoredCredential } from '../vault/stored-record';

export interface ExpiryNotice {
  credentialId: string;
  /** Same key = same warning: raised once per session. */
  key: string;
  title: string;
  body: string;
}

const DAY = 86_400_000;
/** Square OAuth access tokens live 30 days (square-api.md §4): issued = expires - 30 days. */
const SQUARE_OAUTH_LIFETIME = 30 * DAY;
const SQUARE_MAX_AGE = 8 * DAY;

const days = (ms: number): string => {
  const n = Math.max(1, Math.round(ms / DAY));
  return n === 1 ? '1 day' : `${n} days`;
};

export function dueNotices(records: readonly StoredCredential[], nowMs: number, windowDays: number): ExpiryNotice[] {
  const out: ExpiryNotice[] = [];
  for (const r of records) {
    if (r.status !== 'active' || r.expiresAt === null) continue;
    const expires = Date.parse(r.expiresAt);
    const left = expires - nowMs;
    const where = r.environment === 'production' ? 'PROD · ' : '';
    if (left <= 0) {
      out.push({
        credentialId: r.id,
        key: `${r.id}:expired`,
        title: `${where}${r.label} has expired`,
        body: `It expired ${days(-left)} ago. Refresh it or replace it.`,
      });
      continue;
    }
    if (left <= windowDays * DAY) {
      out.push({
        credentialId: r.id,
        key: `${r.id}:soon`,
        title: `${where}${r.label} expires in ${days(left)}`,
        body: `It expires on ${new Date(expires).toUTCString()}. Refresh it before then.`,
      });
      continue;
    }
    if (r.provider === 'square' && r.kind === 'access_token') {
      const age = nowMs - (expires - SQUARE_OAUTH_LIFETIME);
      if (age > SQUARE_MAX_AGE) {
        out.push({
          credentialId: r.id,
          key: `${r.id}:square-age`,
          title: `${where}${r.label} is ${days(age)} old`,
          body: 'Square recommends refreshing OAuth access tokens every 7 days or less.',
        });
      }
    }
  }
  return out;
}

/** What the shell shows for one batch: the first few as they are, the rest summed up in one. */
export function osNotifications(
  items: readonly { title: string; body: string }[],
  max = 3,
): { title: string; body: string }[] {
  if (items.length <= max) return [...items];
  const rest = items.length - (max - 1);
  return [
    ...items.slice(0, max - 1),
    { title: `${rest} more credentials need attention`, body: 'Open Merchant Keychain to see which ones.' },
  ];
}
