// Finding credentials: the filter bar's text and chips, the column sort (the "Soonest expiry"
// preset is a sort), grouping by merchant and the summary line. Pure functions over views, so they
// are unit-tested and cheap enough to run on every keystroke over 5,000 rows (npm run bench).
import type { CredentialView } from '@shared/contract';
import type { Environment, Provider } from '@shared/vocabulary';
import { KIND_LABELS } from '@shared/vocabulary';

/** Verdict chips: expired (by date or verdict), expiring within the warning window, invalid, unchecked. */
export const HEALTH_CHIPS = ['expired', 'soon', 'invalid', 'unchecked'] as const;
export type HealthChip = (typeof HEALTH_CHIPS)[number];

export interface TableFilter {
  text: string;
  providers: Provider[];
  environments: Environment[];
  health: HealthChip[];
}

export const EMPTY_FILTER: TableFilter = { text: '', providers: [], environments: [], health: [] };

export const SORT_KEYS = [
  'label',
  'status',
  'verdict',
  'provider',
  'environment',
  'fingerprint',
  'expires',
  'added',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface TableSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
/** Newest first: what the table showed before it was sortable. */
export const DEFAULT_SORT: TableSort = { key: 'added', dir: 'desc' };
/** The support view: expired first, then the soonest to expire; no expiry last. */
export const SOONEST_EXPIRY: TableSort = { key: 'expires', dir: 'asc' };

const DAY = 86_400_000;

export function healthOf(c: CredentialView, now: number, warnDays: number): HealthChip[] {
  const out: HealthChip[] = [];
  const at = c.expiresAt ? Date.parse(c.expiresAt) : null;
  if (c.expiry === 'expired' || c.verdict === 'expired' || (at !== null && at <= now)) out.push('expired');
  else if (at !== null && at - now <= warnDays * DAY) out.push('soon');
  if (c.verdict === 'invalid' || c.verdict === 'wrong_environment') out.push('invalid');
  if (c.verdict === null) out.push('unchecked');
  return out;
}

/** The text the search box looks in: label, merchant, app and location ids, fingerprint, kind. */
function haystack(c: CredentialView): string {
  return [c.label, c.merchantId ?? '', c.appId ?? '', c.locationId ?? '', c.fingerprint, KIND_LABELS[c.kind]]
    .join('\u0000')
    .toLowerCase();
}

export function filterCredentials(
  list: readonly CredentialView[],
  f: TableFilter,
  now: number,
  warnDays: number,
): CredentialView[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((c) => {
    if (f.providers.length && !f.providers.includes(c.provider)) return false;
    if (f.environments.length && (c.environment === null || !f.environments.includes(c.environment))) return false;
    if (f.health.length) {
      const h = healthOf(c, now, warnDays);
      if (!f.health.some((chip) => h.includes(chip))) return false;
    }
    if (words.length) {
      const text = haystack(c);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

const VERDICT_ORDER = [
  'expired',
  'invalid',
  'wrong_environment',
  'error',
  'unreachable',
  'rate_limited',
  'untested',
  'valid',
];

function sortValue(c: CredentialView, key: SortKey): string | number {
  switch (key) {
    case 'label':
      return c.label.toLowerCase();
    case 'status':
      return c.expiry === 'expired' ? 0 : c.expiry === 'soon' ? 1 : 2;
    case 'verdict':
      return c.verdict === null ? VERDICT_ORDER.length : VERDICT_ORDER.indexOf(c.verdict);
    case 'provider':
      return c.provider;
    case 'environment':
      return c.environment ?? 'zz';
    case 'fingerprint':
      return c.fingerprint;
    case 'expires':
      return c.expiresAt ? Date.parse(c.expiresAt) : Number.POSITIVE_INFINITY;
    case 'added':
      return c.addedAt;
  }
}

/** A stable sort by one column; ties keep the newest first. */
export function sortCredentials(list: readonly CredentialView[], s: TableSort): CredentialView[] {
  const sign = s.dir === 'asc' ? 1 : -1;
  return list
    .map((c) => ({ c, v: sortValue(c, s.key) }))
    .sort((a, b) => {
      // "No expiry" stays last whichever way expiry is sorted.
      if (s.key === 'expires' && a.v !== b.v) {
        if (a.v === Number.POSITIVE_INFINITY) return 1;
        if (b.v === Number.POSITIVE_INFINITY) return -1;
      }
      if (a.v < b.v) return -sign;
      if (a.v > b.v) return sign;
      return b.c.addedAt.localeCompare(a.c.addedAt);
    })
    .map((x) => x.c);
}

/** Rows grouped by merchant (in first-seen order of the sorted list); no merchant last. */
export function groupByMerchant(
  list: readonly CredentialView[],
): { merchantId: string | null; rows: CredentialView[] }[] {
  const groups = new Map<string | null, CredentialView[]>();
  for (const c of list) {
    const g = groups.get(c.merchantId);
    if (g) g.push(c);
    else groups.set(c.merchantId, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0))
    .map(([merchantId, rows]) => ({ merchantId, rows }));
}

/** "3 expired · 6 within 7 days · 1 invalid · 12 unchecked", only the parts that are not zero. */
export function summarize(list: readonly CredentialView[], now: number, warnDays: number): string {
  const counts: Record<HealthChip, number> = { expired: 0, soon: 0, invalid: 0, unchecked: 0 };
  for (const c of list) for (const h of healthOf(c, now, warnDays)) counts[h]++;
  const parts = [
    counts.expired ? `${counts.expired.toLocaleString()} expired` : '',
    counts.soon ? `${counts.soon.toLocaleString()} within ${warnDays} day${warnDays === 1 ? '' : 's'}` : '',
    counts.invalid ? `${counts.invalid.toLocaleString()} invalid` : '',
    counts.unchecked ? `${counts.unchecked.toLocaleString()} unchecked` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Nothing expired, expiring or invalid';
}
