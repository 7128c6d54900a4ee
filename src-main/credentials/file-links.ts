// What belongs together in one imported file, linked in metadata so the keychain diagram can be
// drawn without touching the keychain: app ID -> app secret, access token -> refresh token (for
// Clover and Square alike, via parentId), the app's ID on the credentials issued for it (appId),
// and Clover's token expirations. A kind that appears twice in a file is ambiguous: not linked.
import { VendorId } from '@shared/contract';
import type { ParsedImport } from '../vault/import-file';
import type { NewCredential } from './add-credentials';

type Item = NewCredential & { key: string };

/** Parent kind of each kind, per provider (the child's parentId is the parent's id). */
const PARENT: Record<string, string> = {
  'clover:app_secret': 'app_id',
  'clover:refresh_token': 'access_token',
  'square:application_secret': 'application_id',
  'square:refresh_token': 'access_token',
};

/** Kinds issued for an app, which carry its ID as appId metadata. */
const APP_SCOPED: Record<string, { app: string; kinds: string[] }> = {
  clover: { app: 'app_id', kinds: ['app_id', 'app_secret', 'access_token', 'refresh_token', 'pakms_key'] },
  square: { app: 'application_id', kinds: ['application_id', 'application_secret', 'access_token', 'refresh_token'] },
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
    const scope = APP_SCOPED[provider]!;
    const app = only(provider, scope.app);
    const appId = app === -1 ? null : items[app]!.value.trim();
    if (appId !== null && VendorId.safeParse(appId).success && scope.kinds.includes(kind))
      it.extra = { ...it.extra, appId };
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
