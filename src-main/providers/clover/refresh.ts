// Spending a v2 refresh token for a new pair (POST /oauth/v2/refresh, clover-api.md §2): the
// client_id comes from the linked app, the answer is checked, its Unix-second expirations become
// ISO times. The domain (inspect/refresh.ts) owns single-flight and the keychain rotation; this
// only makes the one call and says plainly what a failure means for the stored pair.
import type { ErrorCode } from '@shared/contract';
import { AppError } from '../../errors/app-error';
import type { ProviderContext, RefreshedPair, TokenPair } from '../adapter';
import type { CloverApi } from './api';
import type { Failure } from './http';
import { limitsFor } from './limits';
import { appIdFor } from './links';

export const isoFromSeconds = (s: number): string => new Date(s * 1000).toISOString();

const LOST: Partial<Record<Failure, ErrorCode>> = { timeout: 'VENDOR_TIMEOUT', network: 'VENDOR_UNREACHABLE' };

export function createRefresh(api: CloverApi) {
  return async function refresh(pair: TokenPair, ctx: ProviderContext): Promise<RefreshedPair> {
    const { access, refresh: token } = pair;
    if (!token) throw new AppError('UNSUPPORTED', 'This access token has no linked refresh token.');
    const env = access.environment;
    if (!env)
      throw new AppError(
        'UNSUPPORTED',
        'Choose the environment of this token first.',
        'Confirm it as sandbox or production, then refresh.',
      );
    const clientId = (await appIdFor(access, ctx)) ?? token.appId;
    if (!clientId) {
      throw new AppError(
        'UNSUPPORTED',
        'Clover needs the App ID (client_id) to refresh this pair, and none is linked.',
        'Check the access token once (Clover names its app), or enter the App ID on it (Edit), then refresh.',
      );
    }
    const expMs = token.expiresAt === null ? null : Date.parse(token.expiresAt);
    if (expMs !== null && ctx.clock().getTime() > expMs) {
      throw new AppError(
        'UNSUPPORTED',
        `The refresh token expired at ${token.expiresAt}, so it was not sent.`,
        'Reconnect the merchant (Connect) to get a new pair.',
      );
    }
    const body = { client_id: clientId, refresh_token: await ctx.secretOf(token.id) };
    const r = await api.refresh(ctx, env, body, limitsFor(env, access.id, clientId));
    if (r.ok) {
      return {
        access: { value: r.data.access_token, expiresAt: isoFromSeconds(r.data.access_token_expiration) },
        refresh: { value: r.data.refresh_token, expiresAt: isoFromSeconds(r.data.refresh_token_expiration) },
      };
    }
    if (r.failure === 'unauthorized' || r.failure === 'client') {
      throw new AppError(
        'VENDOR_ERROR',
        `Clover refused the refresh (HTTP ${r.status ?? '4xx'}): the refresh token was already used, replaced by a newer one (Clover keeps only a few per app and merchant), expired or revoked, or the App ID is not the one it was issued for.`,
        'Check the App ID; otherwise reconnect the merchant (Connect) to get a new pair.',
      );
    }
    if (r.failure === 'rate_limited') throw r.error;
    // The request may have reached Clover and spent the token; the answer did not arrive intact.
    throw new AppError(
      LOST[r.failure] ?? 'VENDOR_ERROR',
      'No new token pair arrived (Clover did not answer, or its answer was cut off or unreadable). The stored pair is unchanged.',
      'Refresh again. If Clover had already used the refresh token, it refuses the next refresh: then reconnect the merchant (Connect).',
    );
  };
}
