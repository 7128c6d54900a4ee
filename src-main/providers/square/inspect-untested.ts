// Square credentials that are judged without being sent (square-api.md §2, §4): a refresh token
// (testing it would spend it: PKCE refresh tokens work once), an application secret (Square takes
// it only to mint or revoke tokens, which would act on a seller) and an application ID (public:
// its prefix names the environment, and its links are what make refresh and revoke possible).
import type { InspectOutcome, ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import { result } from './inspect-result';
import { environmentFromPrefix, isSquare } from './links';
import { dateOf, inTime, isoOf } from './words';

type Square = Extract<StoredCredential, { provider: 'square' }>;

const merchantOf = (c: Square) => (c.merchantId ? { id: c.merchantId, name: null } : null);

export function inspectRefreshToken(c: Square, ctx: ProviderContext): InspectOutcome {
  const now = ctx.clock().getTime();
  const access = ctx.credentials().find((x) => x.id === c.parentId && x.kind === 'access_token');
  const expiresAt = c.expiresAt === null ? null : isoOf(c.expiresAt);
  const gone = expiresAt !== null && Date.parse(expiresAt) <= now;
  const life =
    expiresAt === null
      ? 'No expiry is saved with it: code-flow refresh tokens never expire and can be reused.'
      : gone
        ? `It expired on ${dateOf(expiresAt)} (PKCE refresh tokens last 90 days).`
        : `It expires ${inTime(Date.parse(expiresAt) - now)} (PKCE refresh tokens work once and last 90 days).`;
  return {
    result: result({
      verdict: gone ? 'expired' : 'untested',
      reason: `${gone ? '' : 'Not tested: testing a refresh token would spend it. '}${life}`,
      nextStep: gone
        ? 'Connect the seller again: Square no longer accepts an expired refresh token.'
        : access
          ? null
          : "Link it to its access token: import the JSON Square's token endpoint returned, with both tokens.",
      risks:
        expiresAt === null
          ? [
              {
                level: 'warning',
                text:
                  'A code-flow refresh token never expires: with the application secret it mints new ' +
                  'access tokens for this seller. Keep both on a server.',
              },
            ]
          : [
              {
                level: 'info',
                text:
                  'Single use: refreshing here replaces it, and if a copy is used anywhere else first, ' +
                  'this one stops working.',
              },
            ],
      expiresAt,
      merchant: merchantOf(c),
      appId: c.appId,
    }),
    discovered: {
      ...(access?.merchantId && !c.merchantId ? { merchantId: access.merchantId } : {}),
      ...(access?.appId && !c.appId ? { appId: access.appId } : {}),
    },
  };
}

/** The application_id credential a secret is linked to, if any. */
function parentApp(c: Square, ctx: ProviderContext): Square | undefined {
  const p = ctx.credentials().find((x) => x.id === c.parentId);
  return p && isSquare(p) && p.kind === 'application_id' ? p : undefined;
}

export async function inspectApplicationSecret(c: Square, ctx: ProviderContext): Promise<InspectOutcome> {
  const named = environmentFromPrefix(await ctx.secretOf(c.id));
  const app = parentApp(c, ctx);
  // A linked application ID stays in the keychain (like every stored value): it is not copied into
  // the answer or the metadata; refresh and revoke read it from there when they need it.
  const appId = c.appId ?? app?.appId ?? null;
  const wrong = named !== null && c.environment !== null && named !== c.environment;
  return {
    result: result({
      verdict: wrong ? 'wrong_environment' : 'untested',
      reason: wrong
        ? `Its prefix says it is a ${named} application secret, but it is saved as ${c.environment}.`
        : 'Not sent anywhere to test it: Square takes an application secret only to exchange codes, refresh ' +
          "tokens or revoke them, and each of those acts on a seller's tokens." +
          (named ? ` Its prefix says ${named}.` : ''),
      nextStep: wrong
        ? `Change its environment to ${named}.`
        : appId === null && !app
          ? 'Link it to its application (set its App ID, or import it with the application ID) so refresh ' +
            'and revoke can use it.'
          : null,
      environmentFound: named,
      risks: [
        named === 'production' || c.environment === 'production'
          ? {
              level: 'danger',
              text:
                'A production application secret belongs on a server: Square says apps that run on a ' +
                "user's machine must use PKCE instead, because a shipped secret can be extracted.",
            }
          : {
              level: 'info',
              text: 'A sandbox secret: fine for testing. Replace it in the Developer Console if it was shared.',
            },
      ],
      appId: appId && /^[A-Za-z0-9_-]{1,191}$/.test(appId) ? appId : null,
    }),
    discovered: appId && !c.appId && /^[A-Za-z0-9_-]{1,191}$/.test(appId) ? { appId } : {},
  };
}

export async function inspectApplicationId(c: Square, ctx: ProviderContext): Promise<InspectOutcome> {
  const value = (await ctx.secretOf(c.id)).trim();
  const named = environmentFromPrefix(value);
  const appId = /^[A-Za-z0-9_-]{1,191}$/.test(value) ? value : null;
  const all = ctx.credentials().filter(isSquare);
  const tokens = all.filter(
    (x) => (x.kind === 'access_token' || x.kind === 'refresh_token') && (x.appId === appId || x.parentId === c.id),
  );
  const secret = all.some(
    (x) => x.kind === 'application_secret' && (x.parentId === c.id || (appId !== null && x.appId === appId)),
  );
  const wrong = named !== null && c.environment !== null && named !== c.environment;
  return {
    result: result({
      verdict: wrong ? 'wrong_environment' : 'untested',
      reason: wrong
        ? `Its prefix says it is a ${named} application ID, but it is saved as ${c.environment}.`
        : `An application ID is public, so it is not tested against ` +
          `Square${named ? `; its prefix says ${named}` : ''}. ` +
          `${tokens.length} saved token${tokens.length === 1 ? '' : 's'} ` +
          `belong${tokens.length === 1 ? 's' : ''} to it; its secret is ${secret ? 'saved here' : 'not saved here'}.`,
      nextStep: wrong
        ? `Change its environment to ${named}.`
        : secret
          ? null
          : 'Revoking tokens, and refreshing code-flow tokens, need its application secret: save it and link it here.',
      environmentFound: named,
      // Its own value is not echoed: a stored value never leaves main (the canary test holds this).
      appId: null,
    }),
    discovered: {},
  };
}
