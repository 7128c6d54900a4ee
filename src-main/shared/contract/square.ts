// Square-only channels (issue #9): revoking a token (with a preview for the confirmation, since
// Square revokes ALL of the app's tokens for that merchant unless only the access token is
// chosen) and connecting a sandbox seller with OAuth + PKCE. No secret in any answer.
import { z } from 'zod';
import { CredentialView } from './credentials';
import { Empty, Environment, Id, VendorId } from './common';

const Text = (max: number) => z.string().max(max);

export const REVOKE_SCOPES = ['all_tokens_for_merchant', 'access_token_only'] as const;

export const squareChannels = {
  /**
   * What revoking `id` (a Square OAuth access token, or its refresh token) would do, for the
   * confirmation; reads metadata and the linked application ID, calls nothing.
   */
  'square.revokePreview': {
    request: z.strictObject({ id: Id }),
    response: z.strictObject({
      accessCredentialId: Id,
      refreshCredentialId: Id.nullable(),
      environment: Environment,
      merchantId: VendorId.nullable(),
      appId: VendorId.nullable(),
      /** False when no application secret is linked (Square needs it to revoke); whyNot says what to do. */
      canRevoke: z.boolean(),
      whyNot: Text(300).nullable(),
      /** Other tokens saved here that revoking ALL would also end (same app, merchant, environment). */
      otherCredentialIds: z.array(Id).max(1000),
      /** Plain words for the confirmation: what "revoke all" ends, and what "only this access token" keeps. */
      revokeAllWarning: Text(500),
      onlyAccessNote: Text(500),
    }),
  },
  /**
   * Revokes at Square (`Authorization: Client <application secret>`). `onlyAccessToken: false`
   * revokes ALL of the app's OAuth tokens for that merchant, access and refresh, including ones
   * not saved here; `true` revokes just this access token and keeps the authorization. Required,
   * with no default: the renderer must have asked.
   */
  'square.revoke': {
    request: z.strictObject({ id: Id, onlyAccessToken: z.boolean() }),
    response: z.strictObject({
      revoked: z.enum(REVOKE_SCOPES),
      /** Credentials now marked revoked (their inspection says so). */
      credentialIds: z.array(Id).max(2),
      /** Other saved tokens of the same app and merchant that stopped working too (inspect them). */
      alsoAffectedIds: z.array(Id).max(1000),
      message: Text(500),
    }),
  },
  /**
   * Connects a sandbox seller: opens Square's authorize page in the system browser (PKCE), waits
   * for the answer on http://127.0.0.1:<redirectPort>/square/callback (random port when absent;
   * Square sends the seller to the app's registered Redirect URL, which must match exactly),
   * exchanges the code in main and saves the linked pair. Answers when done, refused or timed out.
   */
  'square.connect': {
    request: z.strictObject({
      environment: z.literal('sandbox'),
      /** The credential id of the Square application_id to connect with. */
      applicationId: Id,
      redirectPort: z.number().int().min(1024).max(65535).optional(),
    }),
    response: z.strictObject({
      credentials: z.array(CredentialView).length(2),
      merchantId: VendorId,
      scopes: z.array(Text(64)).max(20),
      redirectUri: z.url().max(100),
    }),
  },
  /** Stops a connect that is waiting for the browser. */
  'square.cancelConnect': { request: Empty, response: z.strictObject({ cancelled: z.boolean() }) },
} as const;
