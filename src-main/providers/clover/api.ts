// The Clover endpoints this module calls, one function each (clover-api.md §2, §5-8), with the
// service (host), the rate limits and the answer's schema. Secrets in answers are registered for
// redaction as soon as they are read.
import type { Environment } from '@shared/vocabulary';
import type { ProviderContext } from '../adapter';
import type { LimitSpec } from '../http/keyed-limits';
import type { Caller, CallResult } from './http';
import {
  CardToken,
  Charge,
  Merchant,
  MigrateResponse,
  PakmsResponse,
  RefreshResponse,
  Refund,
  TokenResponse,
  type PakmsResponse as Pakms,
} from './schemas';
import type { z } from 'zod';

/** OAuth calls get more time than the default: a lost answer to a refresh loses the pair (§2). */
const OAUTH_TIMEOUT_MS = 30_000;

export interface CardInput {
  number: string;
  exp_month: string;
  exp_year: string;
  cvv: string;
  brand: string;
}

export type CloverApi = ReturnType<typeof cloverApi>;

export function cloverApi(call: Caller) {
  const registered = <T>(
    ctx: ProviderContext,
    r: CallResult<T>,
    secrets: (d: T) => (string | undefined)[],
  ): CallResult<T> => {
    if (r.ok) for (const s of secrets(r.data)) if (s) ctx.redaction.register(s);
    return r;
  };
  return {
    merchant: (
      ctx: ProviderContext,
      environment: Environment,
      bearer: string,
      merchantId: string,
      limits: readonly LimitSpec[],
    ) =>
      call(ctx, {
        environment,
        service: 'platform',
        method: 'GET',
        path: `/v3/merchants/${encodeURIComponent(merchantId)}`,
        bearer,
        limits,
        schema: Merchant,
        rateLimitRetries: 3,
      }),

    pakms: async (
      ctx: ProviderContext,
      environment: Environment,
      bearer: string,
      limits: readonly LimitSpec[],
    ): Promise<CallResult<Pakms>> =>
      registered(
        ctx,
        await call(ctx, {
          environment,
          service: 'ecommerce',
          method: 'GET',
          path: '/pakms/apikey',
          bearer,
          limits,
          schema: PakmsResponse,
          rateLimitRetries: 3,
        }),
        (d) => [d.apiAccessKey],
      ),

    /** No idempotency key: resent only after a 429 (refused before processing, §9). */
    tokenize: async (
      ctx: ProviderContext,
      environment: Environment,
      apikey: string,
      card: CardInput,
      limits: readonly LimitSpec[],
    ) =>
      registered(
        ctx,
        await call(ctx, {
          environment,
          service: 'token',
          method: 'POST',
          path: '/v1/tokens',
          apikey,
          body: { card },
          limits,
          schema: CardToken,
          rateLimitRetries: 3,
        }),
        (d) => [d.id],
      ),

    charge: (
      ctx: ProviderContext,
      environment: Environment,
      bearer: string,
      idempotencyKey: string,
      body: object,
      limits: readonly LimitSpec[],
    ) =>
      call(ctx, {
        environment,
        service: 'ecommerce',
        method: 'POST',
        path: '/v1/charges',
        bearer,
        idempotencyKey,
        body,
        limits,
        schema: Charge,
        rateLimitRetries: 3,
      }),

    refund: (
      ctx: ProviderContext,
      environment: Environment,
      bearer: string,
      idempotencyKey: string,
      body: object,
      limits: readonly LimitSpec[],
    ) =>
      call(ctx, {
        environment,
        service: 'ecommerce',
        method: 'POST',
        path: '/v1/refunds',
        bearer,
        idempotencyKey,
        body,
        limits,
        schema: Refund,
        rateLimitRetries: 3,
      }),

    /** POST /oauth/v2/refresh: spends the single-use refresh token (§2). Never repeated here. */
    refresh: async (
      ctx: ProviderContext,
      environment: Environment,
      body: { client_id: string; refresh_token: string },
      limits: readonly LimitSpec[],
    ) =>
      registered(
        ctx,
        await call(ctx, {
          environment,
          service: 'oauth',
          method: 'POST',
          path: '/oauth/v2/refresh',
          body,
          limits,
          schema: RefreshResponse,
          timeoutMs: OAUTH_TIMEOUT_MS,
          rateLimitRetries: 2,
        }),
        (d) => [d.access_token, d.refresh_token],
      ),

    /** POST /oauth/v2/token with PKCE (client_id, code, code_verifier; no secret, §2). */
    token: async (
      ctx: ProviderContext,
      environment: Environment,
      body: { client_id: string; code: string; code_verifier: string },
      limits: readonly LimitSpec[],
    ) =>
      registered(
        ctx,
        await call(ctx, {
          environment,
          service: 'oauth',
          method: 'POST',
          path: '/oauth/v2/token',
          body,
          limits,
          schema: TokenResponse,
          timeoutMs: OAUTH_TIMEOUT_MS,
          rateLimitRetries: 2,
        }),
        (d: z.infer<typeof TokenResponse>) => [d.access_token, d.refresh_token],
      ),

    /** POST /oauth/token/migrate_v2 (§2): legacy token -> authorization code. */
    migrate: async (
      ctx: ProviderContext,
      environment: Environment,
      body: { merchant_uuid: string; app_uuid: string; auth_token: string; code_challenge: string },
      limits: readonly LimitSpec[],
    ) =>
      registered(
        ctx,
        await call(ctx, {
          environment,
          service: 'oauth',
          method: 'POST',
          path: '/oauth/token/migrate_v2',
          body,
          limits,
          schema: MigrateResponse,
          timeoutMs: OAUTH_TIMEOUT_MS,
          rateLimitRetries: 2,
        }),
        (d) => [d.authorization_code],
      ),
  };
}
