// The redacted credential report: one row per credential with what support staff need (what it
// is, whose, when it expires, what the last check found) and never a value: fingerprints only.
// CSV through csv-stringify; cells that a spreadsheet would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { StoredCredential } from '../vault/stored-record';
import { expiryState } from '../inspect/expiry';

export const REPORT_COLUMNS = [
  'label',
  'provider',
  'kind',
  'environment',
  'status',
  'fingerprint',
  'merchantId',
  'appId',
  'locationId',
  'expiresAt',
  'expiry',
  'verdict',
  'reason',
  'nextStep',
  'lastCheckedAt',
  'addedAt',
] as const;

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string>;

export function reportRows(records: readonly StoredCredential[], nowMs: number, soonDays: number): ReportRow[] {
  return records.map((r) => ({
    label: r.label,
    provider: r.provider,
    kind: r.kind,
    environment: r.environment ?? '',
    status: r.status,
    fingerprint: r.fingerprint,
    merchantId: r.merchantId ?? '',
    appId: r.appId ?? '',
    locationId: r.locationId ?? '',
    expiresAt: r.expiresAt ?? '',
    expiry: expiryState(r.expiresAt === null ? null : Date.parse(r.expiresAt), nowMs, soonDays),
    verdict: r.inspection?.verdict ?? 'unchecked',
    reason: r.inspection?.reason ?? '',
    nextStep: r.inspection?.nextStep ?? '',
    lastCheckedAt: r.lastCheckedAt ?? '',
    addedAt: r.addedAt,
  }));
}

/** A cell starting with = + - @ (or a tab / CR) would run as a formula in a spreadsheet (OWASP CSV injection). */
const neutralise = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function toCsv(rows: readonly ReportRow[]): string {
  return stringify(
    rows.map((r) => REPORT_COLUMNS.map((c) => neutralise(r[c]))),
    { header: true, columns: [...REPORT_COLUMNS], record_delimiter: 'unix' },
  );
}

export function toJson(rows: readonly ReportRow[], generatedAt: string): string {
  return `${JSON.stringify({ generatedAt, count: rows.length, credentials: rows }, null, 2)}\n`;
}
