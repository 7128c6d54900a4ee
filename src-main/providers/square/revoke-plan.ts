// What a revoke of one Square token would touch, from metadata and links only: the pair, the
// application (client_id) and its secret credential, and the other saved tokens of the same app
// and merchant that Square would end too (square-api.md §4: revoke ends ALL of the app's OAuth
// tokens for that merchant unless revoke_only_access_token is set).
import type { Environment } from '@shared/vocabulary';
import { AppError, notFound } from '../../errors/app-error';
import type { ProviderContext } from '../adapter';
import type { StoredCredential } from '../../vault/stored-record';
import { applicationIdFor, isSquare, refreshOf, secretCredentialFor } from './links';

type Square = Extract<StoredCredential, { provider: 'square' }>;

export interface RevokePlan {
  access: Square;
  refresh: Square | null;
  environment: Environment;
  clientId: string | null;
  secret: Square | null;
  others: Square[];
}

/** A personal access token never expires (no expiry) and Square cannot revoke it by API. */
const looksPersonal = (c: Square): boolean =>
  c.kind === 'access_token' &&
  c.expiresAt === null &&
  c.inspection?.expiresAt === null &&
  c.inspection.verdict === 'valid';

export async function planRevoke(ctx: ProviderContext, id: string): Promise<RevokePlan> {
  const all = ctx.credentials().filter(isSquare);
  const c = all.find((x) => x.id === id);
  if (!c) throw notFound('credential');
  const access =
    c.kind === 'access_token'
      ? c
      : c.kind === 'refresh_token'
        ? all.find((x) => x.id === c.parentId && x.kind === 'access_token')
        : undefined;
  if (!access) {
    throw new AppError(
      'UNSUPPORTED',
      c.kind === 'refresh_token'
        ? 'This refresh token is not linked to an access token, which Square needs to revoke.'
        : 'Only Square OAuth access tokens can be revoked.',
    );
  }
  if (access.environment === null) throw new AppError('UNSUPPORTED', 'Choose the environment of this token first.');
  const environment = access.environment;
  const refresh = refreshOf(ctx, access);
  const clientId = await applicationIdFor(ctx, access, refresh);
  const secret = clientId ? await secretCredentialFor(ctx, clientId, environment) : null;
  const others = all.filter(
    (x) =>
      (x.kind === 'access_token' || x.kind === 'refresh_token') &&
      x.id !== access.id &&
      x.id !== refresh?.id &&
      x.environment === environment &&
      clientId !== null &&
      x.appId === clientId &&
      access.merchantId !== null &&
      x.merchantId === access.merchantId &&
      !looksPersonal(x),
  );
  return { access, refresh, environment, clientId, secret, others };
}

export function previewTexts(p: RevokePlan): {
  revokeAllWarning: string;
  onlyAccessNote: string;
  whyNot: string | null;
} {
  const who = p.access.merchantId ? `merchant ${p.access.merchantId}` : 'this merchant';
  const app = p.clientId ? `application ${p.clientId}` : 'this application';
  const saved = p.others.length + (p.refresh ? 1 : 0);
  const affected =
    saved === 0
      ? 'No other token saved here is affected.'
      : `${saved} other token${saved === 1 ? '' : 's'} saved here stop${saved === 1 ? 's' : ''} working too.`;
  return {
    revokeAllWarning:
      `Revoke all: Square ends EVERY OAuth token ${app} holds for ${who} in ${p.environment}, access and ` +
      `refresh tokens, including any used by other programs or servers. ` +
      `${affected} The seller must authorize again to reconnect.`,
    onlyAccessNote:
      `Only this access token: Square ends just this token; the authorization ` +
      `${p.refresh ? 'and its refresh token stay' : 'stays'}, so the pair can be refreshed later.`,
    whyNot:
      p.clientId === null
        ? 'No application is linked to this token: inspect it (it learns its application) or set its App ID.'
        : p.secret === null
          ? `Square needs the application secret of ${p.clientId} to revoke: save it and link it to the application.`
          : null,
  };
}
