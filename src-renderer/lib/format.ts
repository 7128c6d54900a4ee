// Display helpers shared by the features: labels from @shared/vocabulary, dates and durations,
// and how a credential's status reads. Pure functions; main makes every judgement (expiry too).
import type { CredentialView } from '@shared/contract';
import {
  ENVIRONMENT_LABELS,
  KIND_LABELS,
  PROVIDER_LABELS,
  type Environment,
  type Kind,
  type Provider,
  type Verdict,
} from '@shared/vocabulary';

export function kindLabel(kind: Kind): string {
  return KIND_LABELS[kind];
}

/** The request log also has 'other' (a host that is neither vendor's). */
export function providerLabel(provider: Provider | 'other'): string {
  return provider === 'other' ? 'Other' : PROVIDER_LABELS[provider];
}

export function environmentLabel(env: Environment | null): string {
  return env === null ? 'Unknown' : ENVIRONMENT_LABELS[env];
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

/** What the Status column shows: pending until confirmed, then main's expiry verdict. */
export type CredentialStatus = 'pending' | 'active' | 'soon' | 'expired';

export function credentialStatus(c: Pick<CredentialView, 'status' | 'expiry'>): CredentialStatus {
  if (c.status === 'pending') return 'pending';
  if (c.expiry === 'soon' || c.expiry === 'expired') return c.expiry;
  return 'active'; // 'valid' and 'none' (no expiry known) read the same
}

export const STATUS_LABELS: { readonly [S in CredentialStatus]: string } = {
  pending: 'Pending',
  active: 'Active',
  soon: 'Expires soon',
  expired: 'Expired',
};

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** An inspection's verdict in words; null is "Unchecked" (no inspection ran yet). */
export const VERDICT_LABELS: { readonly [V in Verdict]: string } = {
  valid: 'Valid',
  invalid: 'Invalid',
  expired: 'Expired',
  wrong_environment: 'Wrong environment',
  unreachable: 'Unreachable',
  rate_limited: 'Rate limited',
  untested: 'Not testable',
  error: 'Check failed',
};

export function verdictLabel(verdict: Verdict | null): string {
  return verdict === null ? 'Unchecked' : VERDICT_LABELS[verdict];
}

/** How a verdict reads at a glance: good, bad, needs a look, or nothing known. */
export function verdictTone(verdict: Verdict | null): 'ok' | 'bad' | 'warn' | 'none' {
  if (verdict === null || verdict === 'untested') return 'none';
  if (verdict === 'valid') return 'ok';
  if (verdict === 'invalid' || verdict === 'expired' || verdict === 'wrong_environment') return 'bad';
  return 'warn';
}
