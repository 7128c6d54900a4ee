// Inspecting a Square access token (square-api.md §3, §6): token status on the environment it is
// saved for, the other one on UNAUTHORIZED (both environments use EAAA tokens, §2), then the
// merchant and its locations. Verdict, plain-words reason, expiry, scopes and their risks, and
// what was learned (merchant, app, main location, expiry) for the record.
import type { Environment } from '@shared/vocabulary';
import type { InspectOutcome, ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import { callSquare, codeOf, type SquareResult } from './client';
import { failureOutcome, result } from './inspect-result';
import { environmentFromPrefix, refreshOf } from './links';
import { ListLocationsResponse, RetrieveMerchantResponse, TokenStatusResponse } from './schemas';
import { scopeRisks, type Risk } from './scopes';
import { DAY, dateOf, inTime, isoOf, other } from './words';

type Square = Extract<StoredCredential, { provider: 'square' }>;
type Status = ReturnType<typeof TokenStatusResponse.parse>;

/** OAuth access tokens last 30 days (square-api.md §4): used to estimate when one was issued. */
const OAUTH_LIFETIME_MS = 30 * DAY;
/** Square: refresh every 7 days or less; alert when a stored token is older than 8 days (§4). */
const REFRESH_EVERY_DAYS = 7;
const ALERT_AFTER_DAYS = 8;

const INVALID_CHECKLIST = [
  'Was the whole token copied, with no spaces or line breaks?',
  'Sandbox and production tokens both start with EAAA: was it made in the Developer Console you expect?',
  'Was it revoked, or replaced by a refresh (a refresh ends the previous access token)?',
  'OAuth access tokens expire 30 days after they are issued.',
];

export async function inspectAccessToken(c: Square, ctx: ProviderContext): Promise<InspectOutcome> {
  const token = await ctx.secretOf(c.id);
  const now = ctx.clock().getTime();
  const home: Environment = c.environment ?? environmentFromPrefix(token) ?? 'sandbox';
  const storedExpired = c.expiresAt !== null && Date.parse(c.expiresAt) <= now;
  let requests = 0;
  for (const environment of [home, other(home)]) {
    const r = await callSquare(ctx, {
      environment,
      method: 'POST',
      path: '/oauth2/token/status',
      auth: { bearer: token },
      schema: TokenStatusResponse,
    });
    requests += r.attempts;
    if (r.ok) return describe(c, ctx, token, environment, r.data, requests);
    if (r.kind !== 'square' || r.status !== 401) return failureOutcome(r, 'token status check', requests, ctx);
    if (storedExpired)
      return expired(
        c,
        c.expiresAt ?? '',
        'its saved expiry date has passed and Square answers UNAUTHORIZED',
        requests,
      );
  }
  // Token status says UNAUTHORIZED for expired, revoked and unknown tokens alike (REF); a regular
  // call on the home environment tells which (ACCESS_TOKEN_EXPIRED / _REVOKED, SPEC error codes).
  const probe = await callSquare(ctx, {
    environment: home,
    method: 'GET',
    path: '/v2/locations',
    auth: { bearer: token },
    schema: ListLocationsResponse,
  });
  requests += probe.attempts;
  if (probe.ok || (probe.kind === 'square' && probe.status === 403)) {
    // Square's own answers disagree: token status refuses the token, a regular call accepts it.
    return {
      result: result({
        verdict: 'error',
        reason: `Square's token status check refuses this token (UNAUTHORIZED), yet Square ${home} accepts it for other calls.`,
        nextStep: 'Inspect it again later; if this persists, test it with a real call (Copy as curl).',
        environmentFound: home,
        requests,
      }),
      discovered: {},
    };
  }
  const code = codeOf(probe);
  if (code === 'ACCESS_TOKEN_EXPIRED') return expired(c, c.expiresAt, 'Square answers ACCESS_TOKEN_EXPIRED', requests);
  const revoked = code === 'ACCESS_TOKEN_REVOKED';
  return {
    result: result({
      verdict: 'invalid',
      reason: revoked
        ? `Square says this token was revoked (ACCESS_TOKEN_REVOKED): the seller or the app revoked it, or a ` +
          `refresh replaced it.`
        : `Neither Square sandbox nor production accepts this token (UNAUTHORIZED).`,
      nextStep: revoked
        ? 'Refresh the pair if its refresh token is still good, or connect the seller again; then delete this token.'
        : 'Copy the token again from the Developer Console or your token store, and check the list below.',
      checklist: revoked ? [] : INVALID_CHECKLIST,
      requests,
    }),
    discovered: {},
  };
}

function expired(c: Square, expiresAt: string | null, why: string, requests: number): InspectOutcome {
  const when = expiresAt ? ` on ${dateOf(expiresAt)}` : '';
  return {
    result: result({
      verdict: 'expired',
      reason: `This access token expired${when}: ${why}.`,
      nextStep: 'Refresh it with its refresh token (OAuth access tokens last 30 days), or connect the seller again.',
      expiresAt: expiresAt ? isoOf(expiresAt) : null,
      merchant: c.merchantId ? { id: c.merchantId, name: null } : null,
      appId: c.appId,
      requests,
    }),
    discovered: {},
  };
}

function note(what: string, r: SquareResult<unknown>): string {
  if (r.ok) return '';
  const why =
    r.kind === 'square'
      ? `HTTP ${r.status} ${r.errors[0]?.code ?? ''}`
      : r.kind === 'transport'
        ? 'no answer'
        : "the answer did not match Square's API";
  return `Could not read the ${what}: ${why}.`.slice(0, 200);
}

async function describe(
  c: Square,
  ctx: ProviderContext,
  token: string,
  found: Environment,
  s: Status,
  requestsSoFar: number,
): Promise<InspectOutcome> {
  const now = ctx.clock().getTime();
  let requests = requestsSoFar;
  const expiresAt = s.expires_at ? isoOf(s.expires_at) : null; // absent or '' = never expires (§3)
  const personal = expiresAt === null;
  const scopes = [...new Set(s.scopes ?? [])];
  let merchant = s.merchant_id ? { id: s.merchant_id, name: null as string | null } : null;
  let mainLocation: string | null = null;
  let locations: InspectOutcome['result']['locations'] = [];
  const checklist: string[] = [];
  if (personal || scopes.includes('MERCHANT_PROFILE_READ')) {
    const auth = { bearer: token };
    const [m, l] = await Promise.all([
      callSquare(ctx, {
        environment: found,
        method: 'GET',
        path: '/v2/merchants/me',
        auth,
        schema: RetrieveMerchantResponse,
      }),
      callSquare(ctx, {
        environment: found,
        method: 'GET',
        path: '/v2/locations',
        auth,
        schema: ListLocationsResponse,
      }),
    ]);
    requests += m.attempts + l.attempts;
    if (m.ok) {
      merchant = { id: m.data.merchant.id, name: m.data.merchant.business_name?.slice(0, 200) || null };
      mainLocation = m.data.merchant.main_location_id ?? null;
    } else checklist.push(note('business name', m));
    if (l.ok) {
      locations = (l.data.locations ?? []).slice(0, 300).map((x) => ({
        id: x.id,
        name: (x.name || x.id).slice(0, 200),
        active: x.status === 'ACTIVE',
        canCharge: x.status === 'ACTIVE' && (x.capabilities ?? []).includes('CREDIT_CARD_PROCESSING'),
      }));
    } else checklist.push(note('locations', l));
    if ([m, l].some((r) => !r.ok && r.kind === 'transport') && ctx.signal?.aborted) throw new Error('cancelled');
  }
  const risks: Risk[] = scopeRisks({ scopes, personal, environment: found });
  let nextStep: string | null = null;
  let when = 'It never expires (a personal access token).';
  if (expiresAt !== null) {
    const left = Date.parse(expiresAt) - now;
    const ageDays = Math.floor((now - (Date.parse(expiresAt) - OAUTH_LIFETIME_MS)) / DAY);
    when = `It expires ${inTime(left)}, on ${dateOf(expiresAt)}.`;
    if (ageDays > ALERT_AFTER_DAYS) {
      risks.unshift({
        level: 'warning',
        text:
          `Issued about ${ageDays} days ago: Square advises refreshing OAuth tokens every ` +
          `${REFRESH_EVERY_DAYS} days or less and alerting when a stored one is older than ${ALERT_AFTER_DAYS} days.`,
      });
    }
    if (ageDays > REFRESH_EVERY_DAYS || left <= REFRESH_EVERY_DAYS * DAY) {
      nextStep = `Refresh it: Square advises refreshing OAuth access tokens every ${REFRESH_EVERY_DAYS} days or less.`;
    }
    if (!refreshOf(ctx, c))
      risks.push({
        level: 'info',
        text: 'No refresh token is linked to it: when it expires the seller must be connected again.',
      });
  }
  const wrongEnvironment = c.environment !== null && c.environment !== found;
  if (wrongEnvironment) nextStep = `It is saved as ${c.environment}: change its environment to ${found}.`;
  else if (c.environment === null) nextStep = `Confirm it as a ${found} credential.`;
  const who = merchant
    ? merchant.name
      ? `${merchant.name} (${merchant.id})`
      : `merchant ${merchant.id}`
    : 'an unknown merchant';
  const kind = personal ? 'personal access token' : 'OAuth access token';
  const reason = wrongEnvironment
    ? `This ${kind} works in Square ${found}, not in ${c.environment}: it belongs to ${who}. ${when}`
    : `Valid ${found} ${kind} for ${who}. ${when}`;
  const clientId = s.client_id && /^[A-Za-z0-9_-]{1,191}$/.test(s.client_id) ? s.client_id : null;
  const charging = locations.find((x) => x.id === mainLocation && x.canCharge) ?? locations.find((x) => x.canCharge);
  return {
    result: result({
      verdict: wrongEnvironment ? 'wrong_environment' : 'valid',
      reason,
      nextStep,
      checklist: checklist.filter(Boolean).slice(0, 12),
      environmentFound: found,
      merchant,
      appId: clientId,
      expiresAt,
      scopes: scopes.slice(0, 300),
      risks: risks.slice(0, 20),
      locations,
      requests,
    }),
    discovered: {
      expiresAt,
      ...(merchant ? { merchantId: merchant.id } : {}),
      ...(clientId ? { appId: clientId } : {}),
      ...(charging ? { locationId: charging.id } : mainLocation ? { locationId: mainLocation } : {}),
    },
  };
}
