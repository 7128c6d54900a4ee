import type { ReactElement } from 'react';
import { useStore } from './store';
import { Icon } from './icons';

export function Header(): ReactElement {
  const info = useStore((s) => s.appInfo);
  const status = useStore((s) => s.appInfoStatus);

  let keychainText = 'Checking keychain…';
  let tone = 'neutral';
  let title: string | undefined;
  if (info) {
    keychainText = info.keychain.reachable ? 'Keychain connected' : 'Keychain unavailable';
    tone = info.keychain.reachable ? 'ok' : 'bad';
    title = `Service: ${info.keychain.service}`;
  } else if (status === 'error') {
    keychainText = 'Keychain status unknown';
    tone = 'bad';
  }

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="lock" size={16} />
        </span>
        <span className="brand-name">Merchant Keychain</span>
      </div>
      <div className="header-meta">
        {info ? (
          <span className="header-service" title="Keychain service name">
            {info.keychain.service}
          </span>
        ) : null}
        <span className={`keychain-status tone-${tone}`} role="status" aria-label={keychainText} title={title}>
          <span className="status-dot" aria-hidden="true" />
          {keychainText}
        </span>
        {info ? <span className="header-version">v{info.version}</span> : null}
      </div>
    </header>
  );
}
