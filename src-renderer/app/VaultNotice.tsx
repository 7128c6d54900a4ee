// How credentials.json loaded, when it did not load cleanly: main's message and hint, the files it
// kept beside it, and (read-only or unreadable) that changes are turned off. It stays until restart.
import type { ReactElement } from 'react';
import type { VaultHealth } from '@shared/contract';
import { Banner } from '../ui/Banner';
import { useStore } from './store';

export const VAULT_NOTICE_ID = 'vault-notice';

const TITLES: Record<Exclude<VaultHealth['state'], 'ok'>, string> = {
  recovered: 'The credentials index was damaged and has been recovered',
  read_only: 'The credentials index is open read-only',
  unavailable: 'The credentials index could not be read',
};

export function VaultNotice(): ReactElement | null {
  const vault = useStore((s) => s.appInfo?.vault);
  if (!vault || vault.state === 'ok') return null;
  const locked = vault.state !== 'recovered';
  return (
    <Banner id={VAULT_NOTICE_ID} tone={locked ? 'error' : 'warn'} role="region" title={TITLES[vault.state]}>
      {vault.message ? <p>{vault.message}</p> : null}
      {vault.hint ? <p className="banner-hint">{vault.hint}</p> : null}
      {vault.files.length > 0 ? (
        <>
          <p className="banner-hint">Kept in the data folder:</p>
          <ul className="banner-list">
            {vault.files.map((f) => (
              <li key={f} className="mono">
                {f}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {locked ? (
        <p className="banner-hint">Adding, confirming, renaming and deleting credentials are turned off until then.</p>
      ) : null}
    </Banner>
  );
}
