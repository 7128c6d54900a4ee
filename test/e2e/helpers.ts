// Shared steps for the feature specs: put a credential in through main, find rows and cards.
import type { Locator } from '@playwright/test';
import type { CredentialView, IpcResult, ResponseOf } from '@shared/contract';
import { expect, type MkApp } from './fixtures';

/** Example values with the documented / observed shapes (not real credentials). */
export const SAMPLE = {
  squareToken: 'EAAAExampleSandboxToken0123456789abcdefGHIJ',
  squareAppId: 'sandbox-sq0idb-Example0123456789ab',
  squareAppSecret: 'sandbox-sq0csb-ExampleSecret0123456789abcdefghijklmnopqr',
  squareRefresh: 'EQAAExampleRefreshToken0123456789abcdefGH',
  cloverAppSecret: 'd46d1c2e-4f5a-4b6c-8d7e-9f0a1b2c1b77',
  cloverPakms: '0123456789abcdef0123456789abcdef',
};

/**
 * Stores a credential through the core (paste + confirm), as another window or an earlier
 * session would have. Tests about rename / copy / delete start from here.
 */
export async function seedCredential(
  mk: MkApp,
  value: string,
  confirm: { label: string; environment: 'sandbox' | 'production'; provider?: 'clover' | 'square'; kind?: string },
): Promise<CredentialView> {
  mk.clipboard.text = value;
  const imported = (await mk.core.invoke(
    'credentials.importFromClipboard',
    {},
  )) as IpcResult<'credentials.importFromClipboard'>;
  if (!imported.ok) throw new Error(`seed import failed: ${imported.error.message}`);
  const { credential, proposal } = imported.data.pending;
  const confirmed = await mk.core.invoke('credentials.confirm', {
    id: credential.id,
    provider: confirm.provider ?? proposal.provider,
    kind: confirm.kind ?? proposal.kind,
    environment: confirm.environment,
    label: confirm.label,
  });
  if (!confirmed.ok) throw new Error(`seed confirm failed: ${confirmed.error.message}`);
  return confirmed.data as ResponseOf<'credentials.confirm'>;
}

export function credentialsTable(mk: MkApp): Locator {
  return mk.page.getByRole('table', { name: 'Credentials' });
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The table row whose header cell is `label` (followed by nothing or by its merchant/app line). */
export function row(mk: MkApp, label: string): Locator {
  return credentialsTable(mk)
    .getByRole('row')
    .filter({ has: mk.page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(label)}(\\s|$)`) }) });
}

export function pendingCard(mk: MkApp, heading: string | RegExp): Locator {
  return mk.page.getByRole('form', { name: heading });
}

export function pendingPanel(mk: MkApp): Locator {
  return mk.page.getByRole('region', { name: 'Waiting for confirmation' });
}

/** The last recorded IPC exchange on `channel`. */
export function lastIpc(mk: MkApp, channel: string): { payload: unknown; response: unknown } {
  const hit = [...mk.ipc].reverse().find((r) => r.channel === channel);
  expect(hit, `an IPC call on ${channel}`).toBeDefined();
  return hit!;
}

/** Pastes a token endpoint's JSON answer through main and confirms the pair as sandbox. */
export async function pastePair(mk: MkApp, json: Record<string, unknown>, label: string): Promise<CredentialView[]> {
  mk.clipboard.text = JSON.stringify(json);
  const r = (await mk.core.invoke(
    'credentials.importFromClipboard',
    {},
  )) as IpcResult<'credentials.importFromClipboard'>;
  if (!r.ok) throw new Error(r.error.message);
  const list = (await mk.core.invoke('credentials.list', {})) as IpcResult<'credentials.list'>;
  if (!list.ok) throw new Error(list.error.message);
  const out: CredentialView[] = [];
  for (const c of list.data.items) {
    const confirmed = (await mk.core.invoke('credentials.confirm', {
      id: c.id,
      provider: c.provider,
      kind: c.kind,
      environment: 'sandbox',
      label: c.kind === 'access_token' ? label : `Refresh of ${label}`,
    })) as IpcResult<'credentials.confirm'>;
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    out.push(confirmed.data);
  }
  return out;
}
