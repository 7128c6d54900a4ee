// App-wide channels: app.info, settings, links, the network check and the request log.
import { z } from 'zod';
import { CLIPBOARD_CLEAR_SECONDS, EXPIRY_WARNING_DAYS, KEYCHAIN_STATES } from '../vocabulary';
import { Empty, Environment, IsoTime, Provider } from './common';

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

const SETTING_FIELDS = {
  clipboardClearSeconds: z.number().int().min(CLIPBOARD_CLEAR_SECONDS.min).max(CLIPBOARD_CLEAR_SECONDS.max),
  /** Tokens expiring within this many days are flagged and raised as notifications. */
  expiryWarningDays: z.number().int().min(EXPIRY_WARNING_DAYS.min).max(EXPIRY_WARNING_DAYS.max),
};

/** As stored and answered; a setting added later gets its default when an older file lacks it. */
export const Settings = z.strictObject({
  ...SETTING_FIELDS,
  expiryWarningDays: SETTING_FIELDS.expiryWarningDays.default(EXPIRY_WARNING_DAYS.default),
});
export type Settings = z.infer<typeof Settings>;

/** How credentials.json loaded (vault/metadata-index.ts): what happened and how to recover. */
export const VaultHealth = z.strictObject({
  state: z.enum(['ok', 'recovered', 'read_only', 'unavailable']),
  message: z.string().max(500).nullable(),
  hint: z.string().max(500).nullable(),
  /** Entries that could not be read and were set aside in a file of their own. */
  setAside: z.number().int().nonnegative(),
  /** Files kept beside credentials.json (the damaged original, set-aside entries, backups). */
  files: z.array(z.string().max(255)).max(10),
  migratedFrom: z.number().int().nullable(),
});
export type VaultHealth = z.infer<typeof VaultHealth>;

export const appChannels = {
  'app.info': {
    request: Empty,
    response: z.strictObject({
      version: z.string().max(32),
      platform: z.string().max(32),
      keychain: z.strictObject({
        service: z.string().max(64),
        reachable: z.boolean(),
        /** What the last keychain call found (not only the one at start). */
        state: z.enum(KEYCHAIN_STATES),
      }),
      vault: VaultHealth,
    }),
  },
  'requests.list': {
    request: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    response: z.strictObject({ items: z.array(RequestLogEntry).max(1000) }),
  },
  /** "Copy as curl": main puts the real command on the clipboard (cleared after the countdown). */
  'requests.copyCurl': {
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.strictObject({
      clearsInSeconds: z.number().int().positive(),
      /** The command with every secret scrubbed, for the screen. */
      redacted: z.string().max(4000),
    }),
  },
  'network.check': {
    request: z.strictObject({ provider: Provider, environment: Environment }),
    response: z.strictObject({
      reachable: z.boolean(),
      status: z.number().int().nullable(),
      durationMs: z.number().nonnegative(),
    }),
  },
  'settings.get': { request: Empty, response: Settings },
  // No defaults here: a field left out of an update stays as it is.
  'settings.update': { request: z.strictObject(SETTING_FIELDS).partial(), response: Settings },
  'links.openDocs': {
    request: z.strictObject({ url: z.url().max(2048) }),
    response: z.strictObject({ opened: z.boolean() }),
  },
} as const;
