// Clover-only channels (issue #8): fetching a merchant's PAKMS key, connecting a sandbox merchant
// with OAuth v2 + PKCE in the system browser, and migrating a legacy token to a v2 pair. Answers
// carry credential views only: every token and key goes straight to the keychain.
import { z } from 'zod';
import { CredentialView } from './credentials';
import { Empty, Id, VendorId } from './common';

/** Clover App IDs are 13 alphanumerics in every example (clover-api.md §4). */
const CloverAppId = z.string().regex(/^[A-Za-z0-9]{6,64}$/);

export const cloverChannels = {
  /** GET /pakms/apikey with a stored access token; the key is stored as a credential of that merchant. */
  'clover.fetchPakmsKey': {
    request: z.strictObject({ id: Id }),
    response: z.strictObject({ credential: CredentialView, alreadyStored: z.boolean() }),
  },
  /**
   * OAuth v2 + PKCE: main opens Clover's authorize page in the system browser and waits (up to a few
   * minutes) for the redirect to a one-time loopback address; the code is exchanged in main and the
   * access + refresh token pair is stored and linked. Sandbox only.
   */
  'clover.connect': {
    request: z.strictObject({ environment: z.literal('sandbox'), appId: CloverAppId }),
    response: z.strictObject({ merchantId: VendorId, credentials: z.array(CredentialView).min(1).max(2) }),
  },
  /** Stops a connect that is waiting for the browser (it then answers with an error). */
  'clover.cancelConnect': { request: Empty, response: z.strictObject({ cancelled: z.boolean() }) },
  /** A legacy (v1) token becomes a v2 pair: /oauth/token/migrate_v2, then /oauth/v2/token with PKCE. */
  'clover.migrateToken': {
    request: z.strictObject({ id: Id }),
    response: z.strictObject({ legacyId: Id, credentials: z.array(CredentialView).min(1).max(2) }),
  },
} as const;
