// Inspecting one Clover credential. Tokens are asked who they are (GET /v3/merchants/{mId} and,
// for OAuth tokens, GET /pakms/apikey, which names the app and merchant, clover-api.md §5, §8);
// a 401 is tried on the other environment's host to tell "wrong environment" from "invalid".
// Refresh tokens are never spent; keys that can only be tested by using them are judged by their
// metadata, and the reason says why.
import { timingSafeEqual } from 'node:crypto';
import type { InspectionResult } from '@shared/contract';
import type { Environment } from '@shared/vocabulary';
import { AppError } from '../../errors/app-error';
import type { InspectOutcome, ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import type { CloverApi } from './api';
import type { CallResult, Failure } from './http';
import { createSlots, INSPECTIONS_PER_APP, limitsFor } from './limits';
import { isLegacyValue, refreshTokenOf, tokenForMerchant } from './links';
import type { PakmsResponse } from './schemas';
import { CHECKLIST_401, INVALID_401, envLabel, failureWords, otherEnv } from './words';

type Result = Omit<InspectionResult, 'checkedAt'>;
type Risk = Result['risks'][number];

/** A token this close past its stored expiry is still asked (clocks differ); further past, it is
 *  expired by Clover's own expiration field and no request is spent on it. */
export const EXPIRY_SKEW_MS = 60_000;
/** Legacy tokens: v2 is required since 31 March 2025 in North America, 31 December 2025 elsewhere (§2). */
const LEGACY_RISK: Risk = {
  level: 'warning',
  text: 'Legacy (v1) token: Clover requires expiring v2 tokens (North America since 31 March 2025, Europe and Latin America by 31 December 2025). Migrate it.',
};

const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function finish(cred: StoredCredential, r: Partial<Result> & Pick<Result, 'verdict' | 'reason'>): Result {
  const { reason, nextStep, risks, ...rest } = r;
  return {
    checklist: [],
    environmentFound: null,
    merchant: null,
    appId: cred.appId,
    expiresAt: cred.expiresAt,
    scopes: [],
    locations: [],
    requests: 0,
    ...rest,
    reason: clip(reason, 500),
    nextStep: nextStep ? clip(nextStep, 500) : null,
    risks: (risks ?? []).slice(0, 20).map((x) => ({ ...x, text: clip(x.text, 300) })),
  };
}

/** The verdict for a call that failed for a reason other than 401. */
function failedVerdict(f: Failure): Result['verdict'] {
  if (f === 'rate_limited') return 'rate_limited';
  if (f === 'timeout' || f === 'network') return 'unreachable';
  return 'error';
}

const NEXT_FOR_FAILURE: Partial<Record<Failure, string>> = {
  rate_limited: 'Wait a little, then check again.',
  timeout: 'Check your connection (VPN, proxy, firewall), then check again.',
  network: 'Check your connection (VPN, proxy, firewall), then check again.',
  server: "Check again later; if it persists, see Clover's status page.",
  unreadable: "Check again later; if it persists, see Clover's status page.",
};

interface Probe {
  kind: 'ok' | 'unauthorized' | 'failed' | 'needs_merchant';
  merchant?: { id: string; name: string | null } | null;
  /** The token answered, but not for the stored merchant ID (or lacks MERCHANT_R). */
  merchantRefused?: boolean;
  pakms?: PakmsResponse;
  pakmsFailure?: Failure;
  failed?: Extract<CallResult<unknown>, { ok: false }>;
  requests: number;
}

export function createInspector(api: CloverApi, skewMs = EXPIRY_SKEW_MS) {
  const perApp = createSlots(INSPECTIONS_PER_APP);
  /** Asks Clover in one environment who this token is. */
  async function probe(
    ctx: ProviderContext,
    cred: StoredCredential,
    value: string,
    env: Environment,
    withPakms: boolean,
  ): Promise<Probe> {
    const limits = limitsFor(env, cred.id, cred.appId);
    // GET /pakms/apikey takes OAuth tokens only (§5); merchant test tokens carry no app.
    const canPakms = cred.kind === 'access_token';
    const mId = cred.merchantId;
    if (mId) {
      const [m, p] = await Promise.all([
        api.merchant(ctx, env, value, mId, limits),
        canPakms && withPakms ? api.pakms(ctx, env, value, limits) : Promise.resolve(null),
      ]);
      const requests = m.attempts + (p?.attempts ?? 0);
      const pakms = p?.ok ? p.data : undefined;
      const pakmsFailure = p && !p.ok ? p.failure : undefined;
      if (m.ok && m.data.id === mId)
        return { kind: 'ok', merchant: { id: m.data.id, name: m.data.name ?? null }, pakms, pakmsFailure, requests };
      if (m.ok) return { kind: 'failed', failed: unreadable(m.attempts), requests };
      if (m.failure === 'unauthorized' && pakms)
        return { kind: 'ok', merchant: null, merchantRefused: true, pakms, requests };
      return { kind: m.failure === 'unauthorized' ? 'unauthorized' : 'failed', failed: m, requests };
    }
    if (!canPakms) return { kind: 'needs_merchant', requests: 0 };
    const p = await api.pakms(ctx, env, value, limits);
    if (!p.ok)
      return { kind: p.failure === 'unauthorized' ? 'unauthorized' : 'failed', failed: p, requests: p.attempts };
    const m = await api.merchant(
      ctx,
      env,
      value,
      p.data.merchantUuid,
      limitsFor(env, cred.id, p.data.developerAppUuid),
    );
    const merchant = m.ok && m.data.id === p.data.merchantUuid ? { id: m.data.id, name: m.data.name ?? null } : null;
    return { kind: 'ok', merchant, merchantRefused: !merchant, pakms: p.data, requests: p.attempts + m.attempts };
  }

  function valid(
    cred: StoredCredential,
    value: string,
    env: Environment,
    p: Probe,
    requests: number,
    note: string,
  ): InspectOutcome {
    const risks: Risk[] = [];
    const scopes: string[] = [];
    const who = p.merchant
      ? `merchant "${p.merchant.name ?? 'unnamed'}" (${p.merchant.id})`
      : `merchant ${p.pakms?.merchantUuid ?? '?'}`;
    let reason = `Valid in ${envLabel(env)}: Clover answered for ${who}.`;
    if (p.merchant) scopes.push('MERCHANT_R');
    if (p.pakms) {
      scopes.push('PROCESS_CARDS');
      reason += ` It belongs to app ${p.pakms.developerAppUuid} and can fetch the merchant's PAKMS key (Online payments permission).`;
      if (!p.pakms.active)
        risks.push({
          level: 'warning',
          text: "Clover reports this merchant's PAKMS key as inactive: card tokenization will fail.",
        });
    } else if (p.pakmsFailure === 'unauthorized') {
      reason +=
        ' It cannot fetch a PAKMS key: no Online payments permission (or it was added after the app was installed).';
      risks.push({
        level: 'info',
        text: 'No Online payments permission: this token cannot fetch a PAKMS key or send test charges.',
      });
    }
    let nextStep: string | null = null;
    if (p.merchantRefused && cred.merchantId && p.pakms && p.pakms.merchantUuid !== cred.merchantId) {
      risks.push({
        level: 'warning',
        text: `The stored merchant ID differs from the token's merchant (${p.pakms.merchantUuid}).`,
      });
      nextStep = `Correct the merchant ID to ${p.pakms.merchantUuid}.`;
    } else if (p.merchantRefused) {
      reason += ' The merchant lookup was refused (no MERCHANT_R permission), so the name is unknown.';
    }
    if (cred.environment === null) nextStep = `Confirm it as a ${envLabel(env)} credential.`;
    if (isLegacyValue(value)) risks.push(LEGACY_RISK);
    if (cred.kind === 'merchant_token' && env === 'production') {
      risks.push({ level: 'danger', text: 'Clover says test merchant API tokens must not be used in production.' });
    }
    return {
      result: finish(cred, {
        verdict: 'valid',
        reason: `${reason}${note}`,
        nextStep,
        environmentFound: env,
        scopes,
        risks,
        requests,
        merchant: p.merchant ?? (p.pakms ? { id: p.pakms.merchantUuid, name: null } : null),
        appId: p.pakms?.developerAppUuid ?? cred.appId,
      }),
      discovered: {
        ...(p.pakms ? { merchantId: p.pakms.merchantUuid, appId: p.pakms.developerAppUuid } : {}),
        ...(!p.pakms && p.merchant ? { merchantId: p.merchant.id } : {}),
      },
    };
  }

  async function inspectToken(cred: StoredCredential, ctx: ProviderContext): Promise<InspectOutcome> {
    const now = ctx.clock().getTime();
    const expMs = cred.expiresAt === null ? null : Date.parse(cred.expiresAt);
    const refresh = refreshTokenOf(cred, ctx.credentials());
    const renew = refresh
      ? 'Use Refresh: its linked refresh token gets a new pair.'
      : 'Get a new token: reconnect the merchant (Connect) or create a new one in the dashboard.';
    if (expMs !== null && now > expMs + skewMs) {
      // Clover's own expiration field said so when it issued the token (§2): no request is spent.
      return {
        result: finish(cred, {
          verdict: 'expired',
          reason: `Expired at ${cred.expiresAt} (the expiry Clover gave when it issued the token); not sent to Clover.`,
          nextStep: renew,
        }),
        discovered: {},
      };
    }
    // The keychain is read before the app's slot is taken, so reads overlap other tokens' requests.
    const value = await ctx.secretOf(cred.id);
    const appKey = `${cred.environment}:${cred.appId ?? '(unknown)'}`;
    return perApp.run(appKey, () => askClover(cred, ctx, value, renew, refresh !== null), ctx.signal);
  }

  /** The requests of one token inspection (run inside its app's slot). */
  async function askClover(
    cred: StoredCredential,
    ctx: ProviderContext,
    value: string,
    renew: string,
    hasRefresh: boolean,
  ): Promise<InspectOutcome> {
    const now = ctx.clock().getTime();
    const expMs = cred.expiresAt === null ? null : Date.parse(cred.expiresAt);
    const first = cred.environment ?? 'sandbox';
    const p1 = await probe(ctx, cred, value, first, true);
    let requests = p1.requests;
    if (p1.kind === 'needs_merchant') {
      return {
        result: finish(cred, {
          verdict: 'untested',
          reason:
            'Clover can check a merchant test token only with its merchant ID (GET /v3/merchants/{mId}), and none is stored.',
          nextStep: 'Enter the merchant ID (Edit), then check again.',
        }),
        discovered: {},
      };
    }
    const unset = cred.environment === null ? ' (No environment was set, so sandbox was asked first.)' : '';
    if (p1.kind === 'ok') return valid(cred, value, first, p1, requests, unset);
    if (p1.kind === 'failed') {
      const f = p1.failed!;
      return {
        result: finish(cred, {
          verdict: failedVerdict(f.failure),
          reason: failureWords(f.failure, f.status, f.retryAfterMs),
          nextStep: NEXT_FOR_FAILURE[f.failure] ?? null,
          requests,
        }),
        discovered: {},
      };
    }
    // 401 here. Clover does not say why (§8): the other environment's host tells one case apart.
    const second = otherEnv(first);
    const p2 = await probe(ctx, cred, value, second, false);
    requests += p2.requests;
    if (p2.kind === 'ok') {
      if (cred.environment === null)
        return valid(cred, value, second, p2, requests, ` (No environment was set; ${envLabel(first)} refused it.)`);
      const ok = valid(cred, value, second, p2, requests, '');
      return {
        result: {
          ...ok.result,
          verdict: 'wrong_environment',
          reason: clip(
            `Clover refused it in ${envLabel(first)} (401) but answered in ${envLabel(second)}: this is a ${envLabel(second)} token. ${ok.result.reason}`,
            500,
          ),
          nextStep: `Change its environment to ${envLabel(second)} (Edit), then check again.`,
        },
        discovered: ok.discovered,
      };
    }
    const elsewhere =
      p2.kind === 'unauthorized'
        ? `Clover answered 401 in ${envLabel(first)} and in ${envLabel(second)}`
        : `Clover answered 401 in ${envLabel(first)} (${envLabel(second)} could not be asked: ${failureWords(p2.failed?.failure ?? 'network', p2.failed?.status ?? null, null)})`;
    if (expMs !== null && now > expMs) {
      return {
        result: finish(cred, {
          verdict: 'expired',
          reason: `${elsewhere}, and its expiry (${cred.expiresAt}) has passed.`,
          nextStep: renew,
          requests,
        }),
        discovered: {},
      };
    }
    const risks = isLegacyValue(value) ? [LEGACY_RISK] : [];
    return {
      result: finish(cred, {
        verdict: 'invalid',
        reason: `${elsewhere}: the token is ${INVALID_401}.`,
        nextStep: hasRefresh
          ? `Go through the checklist; if it has expired, ${renew.charAt(0).toLowerCase()}${renew.slice(1)}`
          : 'Go through the checklist; if nothing fits, reconnect the merchant or create a new token.',
        checklist: [...CHECKLIST_401],
        risks,
        requests,
      }),
      discovered: {},
    };
  }

  /** A refresh token is single-use (§2): testing it would spend it. Only its expiry is judged. */
  function inspectRefresh(cred: StoredCredential, ctx: ProviderContext): InspectOutcome {
    const now = ctx.clock().getTime();
    const access = cred.parentId ? ctx.credentials().find((c) => c.id === cred.parentId) : undefined;
    const expMs = cred.expiresAt === null ? null : Date.parse(cred.expiresAt);
    if (expMs !== null && now > expMs) {
      return {
        result: finish(cred, {
          verdict: 'expired',
          reason: `Expired at ${cred.expiresAt}; not sent to Clover (a refresh token is never tested by spending it).`,
          nextStep: 'Reconnect the merchant (Connect) to get a new pair.',
        }),
        discovered: {},
      };
    }
    const until = cred.expiresAt ? `It expires at ${cred.expiresAt}.` : 'Its expiry is not known.';
    return {
      result: finish(cred, {
        verdict: 'untested',
        reason: `Not tested: a Clover refresh token works only once, so checking it would spend it. ${until} Clover also retires older refresh tokens when too many are active for one app and merchant.`,
        nextStep: access
          ? 'Check its access token; use Refresh on the pair when that token expires.'
          : 'Link it to its access token (paste the JSON the token endpoint returned) so it can be used.',
        risks: access
          ? []
          : [{ level: 'warning', text: 'Not linked to an access token: it cannot be used for a refresh here.' }],
      }),
      discovered: {},
    };
  }

  /**
   * A PAKMS key is used only to make card tokens (§6): testing it directly would create one. A token
   * of the same merchant can ask Clover for the merchant's current key (§5), which is compared with
   * the stored one in memory; nothing is created and nothing leaves the process.
   */
  async function inspectPakms(cred: StoredCredential, ctx: ProviderContext): Promise<InspectOutcome> {
    const token = tokenForMerchant(cred, ctx.credentials());
    const untested = (why: string, next: string, requests = 0): InspectOutcome => ({
      result: finish(cred, {
        verdict: 'untested',
        reason: `Not tested: checking a PAKMS key directly would create a card token at Clover. ${why}`,
        nextStep: next,
        requests,
      }),
      discovered: {},
    });
    if (!token || !token.environment) {
      return untested(
        'No access token of the same merchant is stored to compare it with what Clover reports.',
        'Store an access token of this merchant (same merchant ID), then check again.',
      );
    }
    const env = token.environment;
    const r = await api.pakms(ctx, env, await ctx.secretOf(token.id), limitsFor(env, token.id, token.appId));
    if (!r.ok)
      return untested(
        `Asking Clover with the merchant's token failed: ${failureWords(r.failure, r.status, r.retryAfterMs)}`,
        'Check the access token of this merchant first.',
        r.attempts,
      );
    const stored = Buffer.from(await ctx.secretOf(cred.id));
    const current = Buffer.from(r.data.apiAccessKey);
    const same = stored.length === current.length && timingSafeEqual(stored, current);
    const merchant = { id: r.data.merchantUuid, name: null };
    if (same && r.data.active) {
      return {
        result: finish(cred, {
          verdict: 'valid',
          reason: `Clover reports this key as the active PAKMS key of merchant ${r.data.merchantUuid} (asked with a token of that merchant).`,
          environmentFound: env,
          merchant,
          appId: r.data.developerAppUuid,
          requests: r.attempts,
        }),
        discovered: { appId: r.data.developerAppUuid },
      };
    }
    return {
      result: finish(cred, {
        verdict: 'invalid',
        reason: same
          ? 'Clover reports this PAKMS key as inactive (disabled).'
          : `Clover now reports a different PAKMS key for merchant ${r.data.merchantUuid}: this one was replaced or belongs elsewhere.`,
        nextStep: "Fetch the merchant's PAKMS key again (Fetch PAKMS key on its access token).",
        environmentFound: env,
        merchant,
        requests: r.attempts,
      }),
      discovered: {},
    };
  }

  const UNTESTABLE: Record<string, [string, string]> = {
    app_id: [
      'Clover has no call that checks an App ID by itself; it is checked when it is used (Connect, Refresh).',
      'Use Connect with it to authorize a sandbox merchant.',
    ],
    app_secret: [
      'An App Secret is accepted only together with a fresh authorization code, so it cannot be checked without a new OAuth authorization, and it is never sent anywhere else.',
      'Keep it for server-side (high-trust) apps only; Merchant Keychain uses PKCE and never needs it.',
    ],
    ecommerce_public_key: [
      'An Ecommerce public key is used only to make card tokens; checking it would create one at Clover.',
      'Send a sandbox test charge with it to see it work.',
    ],
    ecommerce_private_key: [
      'Clover documents no read-only call for Ecommerce private keys; checking one would mean making a charge.',
      'Send a sandbox test charge with it to see it work.',
    ],
  };

  return async function inspect(cred: StoredCredential, ctx: ProviderContext): Promise<InspectOutcome> {
    if (cred.provider !== 'clover') throw new Error('not a Clover credential');
    switch (cred.kind) {
      case 'access_token':
      case 'merchant_token':
        return inspectToken(cred, ctx);
      case 'refresh_token':
        return inspectRefresh(cred, ctx);
      case 'pakms_key':
        return inspectPakms(cred, ctx);
      default: {
        const [why, next] = UNTESTABLE[cred.kind]!;
        return {
          result: finish(cred, { verdict: 'untested', reason: `Not tested: ${why}`, nextStep: next }),
          discovered: {},
        };
      }
    }
  };
}

/** A merchant answer for another merchant than the one asked is not something to believe. */
function unreadable(attempts: number): Extract<CallResult<unknown>, { ok: false }> {
  const error = new AppError('VENDOR_ERROR', 'Clover answered for a different merchant than the one asked.');
  return { ok: false, failure: 'unreadable', status: 200, body: undefined, retryAfterMs: null, attempts, error };
}
