// THE IPC contract: every channel's request and response schema (zod), in one file.
// The renderer imports types only; main validates both directions (router.ts). Response schemas
// are strict and carry no field that could hold a secret: only ids, labels, fingerprints,
// statuses and times (DESIGN invariant 1). A handler that returns anything else fails loudly.
import { z } from 'zod';

// ---- shared pieces -------------------------------------------------------------------------
import { ENVIRONMENTS, KINDS, PROVIDERS } from './vocabulary';

export { ENVIRONMENTS, KINDS, PROVIDERS };
export const ALL_KINDS = [...new Set([...KINDS.clover, ...KINDS.square])] as [string, ...string[]];

export const Provider = z.enum(PROVIDERS);
export const Environment = z.enum(ENVIRONMENTS);
export const Kind = z.enum(ALL_KINDS);
const Id = z.uuid();
const IsoTime = z.iso.datetime({ offset: true });
const Label = z.string().trim().min(1).max(80);
/** Clover merchant/app IDs are 13 characters; Square's run up to 191 (square-api.md §3). */
const VendorId = z.string().regex(/^[A-Za-z0-9_-]{1,191}$/);
const Fingerprint = z.string().regex(/^[^\s]{0,8}…[^\s]{0,4} · [0-9a-f]{4}$/);

export const CredentialView = z.strictObject({
  id: Id,
  provider: Provider,
  kind: Kind,
  /** null until the user confirms it; Square access tokens look alike in both environments. */
  environment: Environment.nullable(),
  label: Label,
  status: z.enum(['pending', 'active']),
  fingerprint: Fingerprint,
  source: z.enum(['clipboard', 'file']),
  addedAt: IsoTime,
  updatedAt: IsoTime,
  expiresAt: IsoTime.nullable(),
  lastCheckedAt: IsoTime.nullable(),
  merchantId: VendorId.nullable(),
  appId: VendorId.nullable(),
  locationId: VendorId.nullable(),
});
export type CredentialView = z.infer<typeof CredentialView>;

/** What main proposes for a pasted or imported value; the user confirms or corrects it. */
export const Proposal = z.strictObject({
  provider: Provider,
  kind: Kind,
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
  /** Keychain items under our service with no metadata entry (count only: accounts are ids). */
  orphansInKeychain: z.array(z.string().max(64)).max(100_000),
  keychainReachable: z.boolean(),
});
export type ConsistencyReport = z.infer<typeof ConsistencyReport>;

export const RequestLogEntry = z.strictObject({
  id: z.string().max(64),
  at: IsoTime,
  provider: z.enum(['clover', 'square', 'other']),
  method: z.string().max(10),
  host: z.string().max(253),
  /** Path with tokens redacted (DESIGN invariant 6). */
  path: z.string().max(2048),
  status: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  idempotencyKey: z.string().max(64).nullable(),
  attempt: z.number().int().min(1),
  error: z.string().max(300).nullable(),
});
export type RequestLogEntry = z.infer<typeof RequestLogEntry>;

export const Settings = z.strictObject({
  clipboardClearSeconds: z.number().int().min(5).max(600),
});
export type Settings = z.infer<typeof Settings>;

const Empty = z.strictObject({});
const ById = z.strictObject({ id: Id });

// ---- channels ------------------------------------------------------------------------------
export const contract = {
  'app.info': {
    request: Empty,
    response: z.strictObject({
      version: z.string().max(32),
      platform: z.string().max(32),
      keychain: z.strictObject({ service: z.string().max(64), reachable: z.boolean() }),
    }),
  },
  'credentials.list': {
    request: Empty,
    response: z.strictObject({ items: z.array(CredentialView).max(1_000_000) }),
  },
  'credentials.importFromClipboard': {
    request: Empty,
    response: z.strictObject({ pending: PendingImport, clipboardCleared: z.boolean() }),
  },
  'credentials.importFromFile': {
    request: Empty,
    response: z.strictObject({
      cancelled: z.boolean(),
      fileName: z.string().max(255).nullable(),
      pending: z.array(PendingImport).max(100),
      /** Keys in the file that were not imported, with why (never their values). */
      skipped: z.array(z.strictObject({ envName: z.string().max(100), reason: z.string().max(200) })).max(500),
    }),
  },
  'credentials.confirm': {
    request: z.strictObject({ id: Id, provider: Provider, kind: Kind, environment: Environment, label: Label }),
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
    request: z.strictObject({ id: Id, format: z.enum(['raw', 'env', 'curl']) }),
    response: z.strictObject({ format: z.enum(['raw', 'env', 'curl']), clearsInSeconds: z.number().int() }),
  },
  'credentials.checkConsistency': { request: Empty, response: ConsistencyReport },
  'requests.list': {
    request: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    response: z.strictObject({ items: z.array(RequestLogEntry).max(1000) }),
  },
  'network.check': {
    request: z.strictObject({ provider: Provider, environment: Environment }),
    response: z.strictObject({ reachable: z.boolean(), status: z.number().int().nullable(), durationMs: z.number().nonnegative() }),
  },
  'settings.get': { request: Empty, response: Settings },
  'settings.update': { request: Settings.partial().strict(), response: Settings },
  'links.openDocs': {
    request: z.strictObject({ url: z.url().max(2048) }),
    response: z.strictObject({ opened: z.boolean() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;
export const CHANNELS = Object.keys(contract) as Channel[];

// ---- typed errors --------------------------------------------------------------------------
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_TIMEOUT',
  'CLIPBOARD_EMPTY',
  'UNRECOGNIZED_SECRET',
  'FILE_INVALID',
  'UNSUPPORTED',
  'HOST_NOT_ALLOWED',
  'VENDOR_TIMEOUT',
  'VENDOR_UNREACHABLE',
  'VENDOR_RATE_LIMITED',
  'VENDOR_ERROR',
  'RESPONSE_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const IpcError = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string().max(500),
  /** What the user can do about it, e.g. how to unlock the keychain on this platform. */
  hint: z.string().max(500).nullable(),
  /** Which request fields were wrong (paths only, never values). */
  fields: z.array(z.string().max(100)).max(50),
});
export type IpcError = z.infer<typeof IpcError>;

export type IpcResult<C extends Channel> = { ok: true; data: ResponseOf<C> } | { ok: false; error: IpcError };

/** Push events from main (core.on); payloads are as strict as responses. */
export const events = {
  'clipboard.cleared': z.strictObject({ reason: z.enum(['timeout', 'quit']) }),
  'credentials.changed': z.strictObject({ ids: z.array(Id).max(1000) }),
} as const;
export type EventName = keyof typeof events;
export type EventOf<E extends EventName> = z.infer<(typeof events)[E]>;
