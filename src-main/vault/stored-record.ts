// The record stored in credentials.json (version 2) and its one mapper to the view the renderer
// gets. The two differ on purpose: links, inspection results and the duplicate-detection hash
// live here without reaching the view until a channel shows them.
import { z } from 'zod';
import { byProvider, CREDENTIAL_FIELDS, InspectionResult, Settings, type CredentialView } from '@shared/contract';
import { expiryState } from '../inspect/expiry';

export const RECORD_VERSION = 2;

export const StoredCredential = byProvider({
  ...CREDENTIAL_FIELDS,
  /** What the last inspection found (the same shape the inspect channel answers with). */
  inspection: InspectionResult.nullable(),
  /** Keyed hash of the value (vault/value-hash.ts), to spot a value already stored; null if unknown. */
  valueHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});
export type StoredCredential = z.infer<typeof StoredCredential>;

export const StoredIndex = z.strictObject({
  version: z.literal(RECORD_VERSION),
  settings: Settings,
  credentials: z.array(StoredCredential),
});
export type StoredIndex = z.infer<typeof StoredIndex>;

/** The renderer's view of a record at `nowMs`: no hash, no inspection detail (its own channel
 *  shows that), the expiry read against main's clock. */
export function toView(r: StoredCredential, nowMs: number, soonDays?: number): CredentialView {
  const base = {
    id: r.id,
    environment: r.environment,
    label: r.label,
    status: r.status,
    fingerprint: r.fingerprint,
    source: r.source,
    addedAt: r.addedAt,
    updatedAt: r.updatedAt,
    expiresAt: r.expiresAt,
    expiry: expiryState(r.expiresAt === null ? null : Date.parse(r.expiresAt), nowMs, soonDays),
    lastCheckedAt: r.lastCheckedAt,
    verdict: r.inspection?.verdict ?? null,
    parentId: r.parentId,
    merchantId: r.merchantId,
    appId: r.appId,
    locationId: r.locationId,
  };
  return r.provider === 'clover'
    ? { ...base, provider: 'clover', kind: r.kind }
    : { ...base, provider: 'square', kind: r.kind };
}
