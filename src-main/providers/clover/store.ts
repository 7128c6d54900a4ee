// Storing credentials main fetched from Clover itself (an OAuth exchange, a PAKMS key fetch):
// through the same all-or-nothing adder as imports, already confirmed (their provider, kind and
// environment are known), labelled with the merchant, the refresh token linked to its access token.
// Their source is `keychain`: they went straight into it, never through the clipboard or a file.
import type { CredentialView } from '@shared/contract';
import type { Environment } from '@shared/vocabulary';
import { IMPORT_LOCK, type createAdder } from '../../credentials/add-credentials';
import type { CoreDeps } from '../../deps';
import { AppError } from '../../errors/app-error';
import type { TokenResponse } from './schemas';
import { isoFromSeconds } from './refresh';

type Adder = ReturnType<typeof createAdder>;
type Deps = Pick<CoreDeps, 'locks' | 'index' | 'clock' | 'emit'>;

export async function storePair(
  d: Deps & { adder: Adder },
  p: {
    environment: Environment;
    /** The App ID as metadata, when it is already known outside the keychain (typed, or from Clover). */
    appId: string | null;
    /** Else the app_id credential holding it: the access token's parent (refresh reads it there). */
    appCredentialId?: string | null;
    merchantId: string;
    tokens: TokenResponse;
    note: string;
  },
): Promise<CredentialView[]> {
  const base = {
    provider: 'clover',
    environment: p.environment,
    confidence: 'documented',
    reason: p.note.slice(0, 200),
  } as const;
  const common = { merchantId: p.merchantId, appId: p.appId, status: 'active' as const };
  const parentId = p.appCredentialId ?? null;
  const items = [
    {
      value: p.tokens.access_token,
      proposal: { ...base, kind: 'access_token' as const },
      source: 'keychain' as const,
      extra: {
        ...common,
        parentId,
        expiresAt: isoFromSeconds(p.tokens.access_token_expiration),
        label: `Clover ${p.environment} access token ${p.merchantId}`,
      },
    },
    ...(p.tokens.refresh_token
      ? [
          {
            value: p.tokens.refresh_token,
            proposal: { ...base, kind: 'refresh_token' as const },
            source: 'keychain' as const,
            extra: {
              ...common,
              expiresAt: p.tokens.refresh_token_expiration ? isoFromSeconds(p.tokens.refresh_token_expiration) : null,
              label: `Clover ${p.environment} refresh token ${p.merchantId}`,
            },
            linkTo: 0,
          },
        ]
      : []),
  ];
  const { added, duplicates } = await d.locks.run(IMPORT_LOCK, () => d.adder.add(items));
  if (duplicates.length > 0)
    throw new AppError(
      'CONFLICT',
      'Clover returned a token that is already stored.',
      'This should not happen; check the keychain report.',
    );
  const views = added.map((a) => a.credential);
  d.emit('credentials.changed', { ids: views.map((v) => v.id) });
  return views;
}
