// POST /oauth2/revoke (square-api.md §4): `Authorization: Client <application secret>`, the app's
// client_id and the access token. Without revoke_only_access_token Square revokes ALL of the app's
// OAuth tokens for that merchant (access and refresh); with it, only that access token.
import type { Environment } from '@shared/vocabulary';
import { AppError } from '../../errors/app-error';
import type { ProviderContext } from '../adapter';
import { callSquare, codeOf } from './client';
import { RevokeTokenRequest, RevokeTokenResponse } from './schemas';

export interface RevokeInput {
  environment: Environment;
  clientId: string;
  secret: string;
  accessToken: string;
  onlyAccessToken: boolean;
}

export async function revokeAtSquare(ctx: ProviderContext, i: RevokeInput): Promise<void> {
  const body = RevokeTokenRequest.parse({
    client_id: i.clientId,
    access_token: i.accessToken,
    revoke_only_access_token: i.onlyAccessToken,
  });
  const r = await callSquare(ctx, {
    environment: i.environment,
    method: 'POST',
    path: '/oauth2/revoke',
    auth: { client: i.secret },
    body,
    schema: RevokeTokenResponse,
  });
  if (r.ok && r.data.success === true) return;
  if (r.ok)
    throw new AppError(
      'VENDOR_ERROR',
      'Square did not confirm the revoke (success was not true); nothing is known to be revoked.',
      'Inspect the token to see whether it still works.',
    );
  if (r.kind === 'transport') {
    throw new AppError(
      r.error.code,
      'Square did not answer the revoke, so it is not known whether the tokens were revoked.',
      'Inspect the token: if it still works, revoke again.',
    );
  }
  if (r.kind === 'unreadable') {
    throw new AppError(
      'VENDOR_ERROR',
      "Square's answer to the revoke could not be read, so it is not known whether the tokens were revoked.",
      'Inspect the token: if it still works, revoke again.',
    );
  }
  const code = codeOf(r);
  if (r.status === 401) {
    throw new AppError(
      'VENDOR_ERROR',
      'Square refused the application secret or application ID for this revoke (UNAUTHORIZED); nothing was revoked.',
      "Check that the linked secret belongs to this token's application and environment.",
    );
  }
  if (r.status === 404) {
    throw new AppError(
      'VENDOR_ERROR',
      'Square found no OAuth token like this for the application (NOT_FOUND); nothing was revoked.',
      'Personal access tokens cannot be revoked here: replace them in the Developer Console.',
    );
  }
  if (r.status === 429)
    throw new AppError(
      'VENDOR_RATE_LIMITED',
      'Square is rate-limiting requests; nothing was revoked.',
      'Wait a minute and try again.',
    );
  throw new AppError(
    'VENDOR_ERROR',
    `Square refused the revoke (HTTP ${r.status} ${code ?? ''}); nothing was revoked.`.replace(' )', ')'),
  );
}
