// A token-endpoint answer imported in one step (pasted, or a JSON file): the access token and its
// refresh token become two credentials, the refresh token linked to its access token (parentId),
// each with the expiry the vendor gave, so Refresh works at once. All or nothing like every import;
// a pair already stored is refused, and a refresh token is only ever linked to an access token
// that has none yet (two refresh tokens on one access token would make Refresh guess).
import type { PendingImport, Proposal } from '@shared/contract';
import { PROVIDER_LABELS } from '@shared/vocabulary';
import { AppError } from '../errors/app-error';
import type { StoredCredential } from '../vault/stored-record';
import type { TokenPaste } from '../vault/token-response';
import type { createAdder, NewCredential } from './add-credentials';

type Adder = ReturnType<typeof createAdder>;

function proposals(p: TokenPaste): { access: Proposal; refresh: Proposal } {
  const name = PROVIDER_LABELS[p.provider];
  const where = p.provider === 'clover' ? '/oauth/v2/token or /oauth/v2/refresh' : 'ObtainToken';
  const env = 'sandbox and production tokens look alike, so choose the environment';
  const reason = (field: string): string => `The ${field} of a ${name} ${where} answer; ${env}.`.slice(0, 200);
  if (p.provider === 'clover') {
    return {
      access: {
        provider: 'clover',
        kind: 'access_token',
        environment: null,
        confidence: 'documented',
        reason: reason('access_token'),
      },
      refresh: {
        provider: 'clover',
        kind: 'refresh_token',
        environment: null,
        confidence: 'documented',
        reason: reason('refresh_token'),
      },
    };
  }
  return {
    access: {
      provider: 'square',
      kind: 'access_token',
      environment: null,
      confidence: 'documented',
      reason: reason('access_token'),
    },
    refresh: {
      provider: 'square',
      kind: 'refresh_token',
      environment: null,
      confidence: 'documented',
      reason: reason('refresh_token'),
    },
  };
}

/** Stores the pair as pending credentials; must run under IMPORT_LOCK. Returns access first. */
export async function importPair(
  adder: Adder,
  all: () => readonly StoredCredential[],
  paste: TokenPaste,
  source: StoredCredential['source'],
): Promise<PendingImport[]> {
  const p = proposals(paste);
  const access = await adder.existing(paste.access.value);
  const refresh = paste.refresh ? await adder.existing(paste.refresh.value) : null;
  if (access && (!paste.refresh || refresh)) {
    throw new AppError(
      'CONFLICT',
      `Already saved as "${access.label}"${refresh ? ` and "${refresh.label}"` : ''}.`,
      'The same value is stored only once.',
    );
  }
  if (refresh)
    throw new AppError(
      'CONFLICT',
      `The refresh token is already saved as "${refresh.label}".`,
      'Delete it first to import the pair together.',
    );
  if (access && all().some((c) => c.kind === 'refresh_token' && c.parentId === access.id)) {
    throw new AppError(
      'CONFLICT',
      `The access token is already saved as "${access.label}", with a refresh token of its own.`,
      'Delete the old pair first to import this one.',
    );
  }
  const items: NewCredential[] = [
    {
      value: paste.access.value,
      proposal: p.access,
      source,
      extra: { expiresAt: paste.access.expiresAt, merchantId: paste.merchantId },
    },
  ];
  if (paste.refresh) {
    items.push({
      value: paste.refresh.value,
      proposal: p.refresh,
      source,
      extra: { expiresAt: paste.refresh.expiresAt, merchantId: paste.merchantId },
      linkTo: 0,
    });
  }
  const { added } = await adder.add(items);
  return added;
}
