// Inspection and refresh: is a token valid, for which merchant and app, in which environment,
// when does it expire, which scopes and risks does it carry, and what to do next (issues #8/#9).
import { z } from 'zod';
import { RISK_LEVELS, VERDICTS } from '../vocabulary';
import { CredentialView, Proposal } from './credentials';
import { Environment, Fingerprint, Id, IsoTime, VendorId } from './common';

const Text = (max: number) => z.string().max(max);

/** What one inspection found; stored with the credential (without its id) and shown as it is. */
export const InspectionResult = z.strictObject({
  verdict: z.enum(VERDICTS),
  /** Plain words: what was found. */
  reason: Text(500),
  /** What to do next, in plain words; null when nothing is needed. */
  nextStep: Text(500).nullable(),
  /** Things to check, e.g. Clover's 401 checklist (clover-api.md §10). */
  checklist: z.array(Text(200)).max(12),
  checkedAt: IsoTime,
  /** Where the token answered; differs from the stored environment for `wrong_environment`. */
  environmentFound: Environment.nullable(),
  merchant: z.strictObject({ id: VendorId, name: Text(200).nullable() }).nullable(),
  appId: VendorId.nullable(),
  expiresAt: IsoTime.nullable(),
  /** Scopes or permissions as the vendor names them. */
  scopes: z.array(Text(64)).max(300),
  risks: z.array(z.strictObject({ level: z.enum(RISK_LEVELS), text: Text(300) })).max(20),
  locations: z
    .array(z.strictObject({ id: VendorId, name: Text(200), canCharge: z.boolean(), active: z.boolean() }))
    .max(300),
  /** HTTP calls this inspection made. */
  requests: z.number().int().nonnegative(),
});
export type InspectionResult = z.infer<typeof InspectionResult>;

export const InspectionView = z.strictObject({ credentialId: Id, ...InspectionResult.shape });
export type InspectionView = z.infer<typeof InspectionView>;

const JobId = Id;

export const inspectChannels = {
  /** Inspects one credential now and stores what was found. Never spends a refresh token. */
  'credentials.inspect': { request: z.strictObject({ id: Id }), response: InspectionView },
  /** Starts a bulk inspection within the vendors' rate limits; results arrive as events. */
  'credentials.inspectMany': {
    request: z.strictObject({ ids: z.array(Id).min(1).max(10_000) }),
    response: z.strictObject({ jobId: JobId, total: z.number().int().nonnegative() }),
  },
  'credentials.cancelInspection': {
    request: z.strictObject({ jobId: JobId }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  /**
   * "Inspect once": main reads a token from the clipboard, says what it is, who it belongs to and
   * when it expires, and stores nothing (keychain and index unchanged; the clipboard is left alone).
   */
  'credentials.inspectClipboard': {
    request: z.strictObject({}),
    response: z.strictObject({ proposal: Proposal, fingerprint: Fingerprint, result: InspectionResult }),
  },
  /**
   * Refreshes the token pair `id` belongs to (one refresh per pair at a time; the new pair is in
   * the keychain before the old one is dropped). `saved` false: the new pair is kept in memory and
   * retried, and the user is told.
   */
  'credentials.refresh': {
    request: z.strictObject({ id: Id }),
    response: z.strictObject({ credentials: z.array(CredentialView).max(2), saved: z.boolean() }),
  },
} as const;

export const inspectEvents = {
  'inspection.progress': z.strictObject({
    jobId: JobId,
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    results: z.array(InspectionView).max(200),
  }),
  'inspection.finished': z.strictObject({
    jobId: JobId,
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    cancelled: z.boolean(),
  }),
} as const;
