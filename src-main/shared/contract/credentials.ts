// The credentials.* channels and the views they answer with. A view carries ids, labels,
// fingerprints, statuses and times only (DESIGN invariant 1); the record stored on disk is a
// different type (vault/stored-record.ts), joined to this one by one mapper.
import { z } from 'zod';
import { COPY_FORMATS, CREDENTIAL_SOURCES, EXPIRY_STATES, VERDICTS } from '../vocabulary';
import { ById, byProvider, Empty, Environment, Fingerprint, Id, IsoTime, Label, VendorId } from './common';

/** The fields a stored record and its view share (vault/stored-record.ts adds its own). */
export const CREDENTIAL_FIELDS = {
  id: Id,
  /** null until the user confirms it; Square access tokens look alike in both environments. */
  environment: Environment.nullable(),
  label: Label,
  status: z.enum(['pending', 'active']),
  fingerprint: Fingerprint,
  source: z.enum(CREDENTIAL_SOURCES),
  addedAt: IsoTime,
  updatedAt: IsoTime,
  expiresAt: IsoTime.nullable(),
  lastCheckedAt: IsoTime.nullable(),
  /** The credential this one belongs to (app -> secret, access token -> refresh token, ...). */
  parentId: Id.nullable(),
  merchantId: VendorId.nullable(),
  appId: VendorId.nullable(),
  locationId: VendorId.nullable(),
};

export const CredentialView = byProvider({
  ...CREDENTIAL_FIELDS,
  /** expiresAt read against main's clock when it answered (inspect/expiry.ts). */
  expiry: z.enum(EXPIRY_STATES),
  /** What the last inspection concluded; null until one ran ("Unchecked"). */
  verdict: z.enum(VERDICTS).nullable(),
});
export type CredentialView = z.infer<typeof CredentialView>;

// Listing 10,000 views must stay fast (issue #6), yet every answer is checked strictly. A view
// object that passed the strict check once and is frozen cannot have changed since, so it is
// remembered and not walked again; anything new or unfrozen gets the full check. The list is
// checked in one pass (not element by element through zod), which is most of the saving.
const checkedViews = new WeakSet<object>();
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

export const CheckedCredentialViews = z.unknown().superRefine((value, ctx) => {
  if (!Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'Expected an array of credential views' });
    return;
  }
  if (value.length > 1_000_000) ctx.addIssue({ code: 'custom', message: 'Too many items' });
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isObject(item) && checkedViews.has(item)) continue;
    const r = CredentialView.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues)
        ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: [i, ...issue.path] });
    } else if (isObject(item) && Object.isFrozen(item)) {
      checkedViews.add(item);
    }
  }
}) as unknown as z.ZodType<CredentialView[]>;

/** What main proposes for a pasted or imported value; the user confirms or corrects it. */
export const Proposal = byProvider({
  environment: Environment.nullable(),
  confidence: z.enum(['documented', 'observed', 'guess']),
  reason: z.string().max(200),
});
export type Proposal = z.infer<typeof Proposal>;

export const PendingImport = z.strictObject({ credential: CredentialView, proposal: Proposal });
export type PendingImport = z.infer<typeof PendingImport>;

export const ConsistencyReport = z.strictObject({
  checkedAt: IsoTime,
  /** Metadata entries whose keychain item is missing. Nothing is deleted automatically. */
  missingFromKeychain: z.array(Id).max(100_000),
  /** Keychain items under our service with no metadata entry (accounts are ids, never values). */
  orphansInKeychain: z.array(z.string().min(1).max(64)).max(100_000),
  keychainReachable: z.boolean(),
});
export type ConsistencyReport = z.infer<typeof ConsistencyReport>;

const CopyFormat = z.enum(COPY_FORMATS);
/** Keychain account names as the consistency report lists them (ours are UUIDs). */
const OrphanAccount = z.string().min(1).max(64);
const ByAccount = z.strictObject({ account: OrphanAccount });

export const credentialChannels = {
  'credentials.list': {
    request: Empty,
    response: z.strictObject({ items: CheckedCredentialViews }),
  },
  'credentials.importFromClipboard': {
    request: Empty,
    response: z.strictObject({
      pending: PendingImport,
      /** A pasted token-endpoint answer also brings its refresh token, linked to `pending` (parentId). */
      linked: z.array(PendingImport).max(1).optional(),
      clipboardCleared: z.boolean(),
    }),
  },
  'credentials.importFromFile': {
    request: Empty,
    response: z.strictObject({
      cancelled: z.boolean(),
      fileName: z.string().max(255).nullable(),
      pending: z.array(PendingImport).max(100),
      /** Keys in the file that were not imported, with why (never their values, never a name that
       *  could itself be a secret). At most 50 are named; the rest are counted in skippedMore. */
      skipped: z.array(z.strictObject({ envName: z.string().max(100), reason: z.string().max(200) })).max(50),
      skippedMore: z.number().int().nonnegative(),
    }),
  },
  'credentials.confirm': {
    request: byProvider({ id: Id, environment: Environment, label: Label }),
    response: CredentialView,
  },
  'credentials.update': {
    request: z.strictObject({
      id: Id,
      label: Label.optional(),
      environment: Environment.optional(),
      merchantId: VendorId.nullable().optional(),
      appId: VendorId.nullable().optional(),
      locationId: VendorId.nullable().optional(),
    }),
    response: CredentialView,
  },
  'credentials.delete': { request: ById, response: z.strictObject({ id: Id }) },
  'credentials.copySecret': {
    request: z.strictObject({ id: Id, format: CopyFormat }),
    response: z.strictObject({ format: CopyFormat, clearsInSeconds: z.number().int() }),
  },
  'credentials.checkConsistency': { request: Empty, response: ConsistencyReport },
  /** A keychain item under our service with no metadata becomes a pending credential again. */
  'credentials.adoptOrphan': { request: ByAccount, response: PendingImport },
  /** Deletes a keychain item under our service that no credential uses. */
  'credentials.deleteOrphan': { request: ByAccount, response: z.strictObject({ account: OrphanAccount }) },
} as const;
