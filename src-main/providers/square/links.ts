// How a Square token finds its application: the application ID (client_id) a refresh or a revoke
// must name, and the application secret a code-flow refresh and every revoke need. Links come from
// metadata: a token's `appId` (learned by inspection or set by the user), or a `parentId` chain to
// an application_id credential; a secret belongs to an app through its own `appId` or its parent.
// Application IDs are not secret (square-api.md §2) but live in the keychain with everything else.
import type { Environment } from '@shared/vocabulary';
import type { ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';

type Square = Extract<StoredCredential, { provider: 'square' }>;

export const isSquare = (c: StoredCredential): c is Square => c.provider === 'square';

/** The environment an application ID or secret names by its prefix (square-api.md §2), if any. */
export function environmentFromPrefix(value: string): Environment | null {
  if (/^sandbox-sq0(idb|csb|atb)-/.test(value)) return 'sandbox';
  if (/^sq0(idp|csp|atp)-/.test(value)) return 'production';
  return null;
}

function byId(ctx: ProviderContext, id: string | null): Square | undefined {
  if (id === null) return undefined;
  const c = ctx.credentials().find((x) => x.id === id);
  return c && isSquare(c) ? c : undefined;
}

/** The application_id credential up the parent chain of `c` (at most a few hops), if any. */
function linkedApplication(ctx: ProviderContext, c: Square): Square | undefined {
  let at: Square | undefined = c;
  for (let hops = 0; at && hops < 4; hops++) {
    if (at.kind === 'application_id') return at;
    at = byId(ctx, at.parentId);
  }
  return undefined;
}

/** The client_id for these credentials: a linked application_id credential's value first (an
 *  explicit link), then the `appId` metadata of any of them (learned from token status). */
export async function applicationIdFor(ctx: ProviderContext, ...creds: (Square | null)[]): Promise<string | null> {
  for (const c of creds) {
    const app = c ? linkedApplication(ctx, c) : undefined;
    if (app) return (await ctx.secretOf(app.id)).trim();
  }
  for (const c of creds) if (c?.appId) return c.appId;
  return null;
}

/** Application secret credentials of this app in this environment, newest first. */
export async function secretCredentialFor(
  ctx: ProviderContext,
  appId: string,
  environment: Environment,
): Promise<Square | null> {
  const secrets = ctx
    .credentials()
    .filter(isSquare)
    .filter((c) => c.kind === 'application_secret' && c.environment === environment)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  for (const s of secrets) {
    if (s.appId === appId) return s;
    const app = linkedApplication(ctx, s);
    if (app && (app.appId === appId || (await ctx.secretOf(app.id)).trim() === appId)) return s;
  }
  return null;
}

/** The refresh token linked to an access token (its parentId is the access token's id). */
export function refreshOf(ctx: ProviderContext, access: Square): Square | null {
  return (
    ctx
      .credentials()
      .filter(isSquare)
      .find((c) => c.kind === 'refresh_token' && c.parentId === access.id) ?? null
  );
}
