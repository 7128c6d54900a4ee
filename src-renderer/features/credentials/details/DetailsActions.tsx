// The actions that apply to one credential. Main decides what really works (and says why not);
// the panel offers only what can apply to the credential's provider and kind:
//   Inspect: any confirmed credential (main never spends a refresh token to test it).
//   Refresh: an access token with a linked refresh token, or that refresh token.
//   Revoke: Square OAuth tokens. PAKMS key and Migrate: Clover access tokens (migrate: legacy ones,
//   which have no refresh token and no expiry).
import { useState, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../../app/store';
import { useWriteLock } from '../../../app/writeLock';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/Icon';
import type { DetailsAction } from './detailsSlice';
import { RevokeDialog } from './RevokeDialog';

export function availableActions(c: CredentialView, all: readonly CredentialView[]): DetailsAction[] {
  const hasRefresh = all.some((o) => o.parentId === c.id && o.kind === 'refresh_token');
  const token = c.kind === 'access_token' || c.kind === 'refresh_token';
  const out: DetailsAction[] = ['inspect'];
  if ((c.kind === 'access_token' && hasRefresh) || c.kind === 'refresh_token') out.push('refresh');
  if (c.provider === 'square' && token) out.push('revoke');
  if (c.provider === 'clover' && c.kind === 'access_token') {
    out.push('pakms');
    if (!hasRefresh && c.expiresAt === null) out.push('migrate');
  }
  return out;
}

const LABELS: Record<DetailsAction, { idle: string; busy: string }> = {
  inspect: { idle: 'Inspect', busy: 'Inspecting…' },
  refresh: { idle: 'Refresh', busy: 'Refreshing…' },
  revoke: { idle: 'Revoke…', busy: 'Revoking…' },
  pakms: { idle: 'Fetch PAKMS key', busy: 'Fetching PAKMS key…' },
  migrate: { idle: 'Migrate to v2', busy: 'Migrating…' },
};

export function DetailsActions({ credential: c }: { credential: CredentialView }): ReactElement {
  const all = useStore((s) => s.credentials);
  const running = useStore((s) => s.detailsBusy[c.id]);
  const lock = useWriteLock();
  const [revoking, setRevoking] = useState(false);
  const actions = availableActions(c, all);

  function run(action: DetailsAction): void {
    const s = useStore.getState();
    if (action === 'inspect') void s.inspectOne(c.id);
    if (action === 'refresh') void s.refreshOne(c.id);
    if (action === 'pakms') void s.fetchPakmsKey(c.id);
    if (action === 'migrate') void s.migrateToken(c.id);
    if (action === 'revoke') setRevoking(true);
  }

  return (
    <div className="toolbar details-actions" role="toolbar" aria-label={`Actions for ${c.label}`}>
      {actions.map((a) => (
        <Button
          key={a}
          className={`button${a === 'inspect' ? ' button-primary' : a === 'revoke' ? ' button-ghost-danger' : ''}`}
          busy={running === a}
          unavailable={running !== undefined && running !== a}
          // Inspect writes only the verdict; the rest change the keychain, which a read-only index refuses.
          disabled={a !== 'inspect' && lock.reason !== null}
          title={a !== 'inspect' ? (lock.reason ?? undefined) : undefined}
          onClick={() => run(a)}
        >
          <Icon name={a === 'inspect' ? 'search' : a === 'revoke' ? 'x-circle' : 'refresh'} />
          {running === a ? LABELS[a].busy : LABELS[a].idle}
        </Button>
      ))}
      {revoking ? <RevokeDialog credential={c} onClose={() => setRevoking(false)} /> : null}
    </div>
  );
}
