// What belongs together in one imported file, linked in metadata so the keychain diagram can be
// drawn without touching the keychain: app ID -> app secret, app ID -> access token -> refresh
// token (for Clover and Square alike, via parentId), and Clover's token expirations. Values never
// become metadata: an app ID imported as a credential stays in the keychain, and a refresh reads
// it from there through the access token's parentId. A kind that appears twice is ambiguous: not linked.
import type { ParsedImport } from '../vault/import-file';
import type { NewCredential } from './add-credentials';

type Item = NewCredential & { key: string };

/** Parent kind of each kind, per provider (the child's parentId is the parent's id). */
const PARENT: Record<string, string> = {
  'clover:app_secret': 'app_id',
  'clover:access_token': 'app_id',
  'clover:refresh_token': 'access_token',
  'square:application_secret': 'application_id',
  'square:access_token': 'application_id',
  'square:refresh_token': 'access_token',
};

export function linkItems(items: Item[], parsed: ParsedImport): void {
  const only = (provider: string, kind: string): number => {
    const found = items.flatMap((it, i) => (it.proposal.provider === provider && it.proposal.kind === kind ? [i] : []));
    return found.length === 1 ? found[0]! : -1;
  };
  for (const [i, it] of items.entries()) {
    const { provider, kind } = it.proposal;
    const parentKind = PARENT[`${provider}:${kind}`];
    const parent = parentKind ? only(provider, parentKind) : -1;
    if (parent !== -1 && only(provider, kind) === i) it.linkTo = parent;
    if (provider === 'clover' && only(provider, kind) === i) {
      const expiresAt =
        kind === 'access_token'
          ? parsed.expirations.access
          : kind === 'refresh_token'
            ? parsed.expirations.refresh
            : null;
      if (expiresAt) it.extra = { ...it.extra, expiresAt };
    }
  }
}
