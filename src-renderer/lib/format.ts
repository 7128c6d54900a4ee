// Display helpers shared by the features. Pure functions, easy to unit test.
import type { CredentialView } from '@shared/contract';

const KIND_LABELS: Record<string, string> = {
  app_id: 'App ID',
  app_secret: 'App secret',
  access_token: 'Access token',
  refresh_token: 'Refresh token',
  merchant_token: 'Merchant token',
  pakms_key: 'PAKMS key',
  ecommerce_public_key: 'Ecommerce public key',
  ecommerce_private_key: 'Ecommerce private key',
  application_id: 'Application ID',
  application_secret: 'Application secret',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

export function providerLabel(provider: string): string {
  if (provider === 'clover') return 'Clover';
  if (provider === 'square') return 'Square';
  return provider.charAt(0).toUpperCase() + provider.slice(1);
}

export function environmentLabel(env: string | null): string {
  if (env === 'sandbox') return 'Sandbox';
  if (env === 'production') return 'Production';
  return 'Unknown';
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}
export function formatTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}

/** "in 3 days", "2 hours ago", "in 5 minutes". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, ms] of units) {
    if (abs >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return diff >= 0 ? 'in under a minute' : 'just now';
}

export const EXPIRING_SOON_MS = 7 * 86_400_000;

export type Health = 'pending' | 'active' | 'expiring' | 'expired';

export function health(c: Pick<CredentialView, 'status' | 'expiresAt'>, now: number = Date.now()): Health {
  if (c.status === 'pending') return 'pending';
  if (c.expiresAt === null) return 'active';
  const left = Date.parse(c.expiresAt) - now;
  if (left <= 0) return 'expired';
  if (left <= EXPIRING_SOON_MS) return 'expiring';
  return 'active';
}

export function healthLabel(h: Health): string {
  return { pending: 'Pending', active: 'Active', expiring: 'Expires soon', expired: 'Expired' }[h];
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
