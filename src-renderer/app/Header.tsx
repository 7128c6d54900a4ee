// The header: app name, and the keychain as the LAST keychain call found it (app.info, then the
// keychain.changed event), with Retry when it is not answering as it should.
import type { ReactElement } from 'react';
import type { KeychainState } from '@shared/vocabulary';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { useStore } from './store';

const KEYCHAIN_TEXT: Record<KeychainState, string> = {
  ok: 'Keychain connected',
  locked: 'Keychain locked',
  unavailable: 'Keychain unavailable',
  timeout: 'Keychain not answering',
};

const KEYCHAIN_TONE: Record<KeychainState, 'ok' | 'warn' | 'bad'> = {
  ok: 'ok',
  locked: 'warn',
  timeout: 'warn',
  unavailable: 'bad',
};

export function Header(): ReactElement {
  const info = useStore((s) => s.appInfo);
  const status = useStore((s) => s.appInfoStatus);
  const retrying = useStore((s) => s.retryingKeychain);
  const retry = useStore((s) => s.retryKeychain);

  const state = info?.keychain.state;
  let text = 'Checking keychain…';
  let tone = 'neutral';
  if (state) {
    text = KEYCHAIN_TEXT[state];
    tone = KEYCHAIN_TONE[state];
  } else if (status === 'error') {
    text = 'Keychain status unknown';
    tone = 'bad';
  }
  const canRetry = (state !== undefined && state !== 'ok') || status === 'error';

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
        <span
          id="keychain-status"
          className={`keychain-status tone-${tone}`}
          role="status"
          aria-label={text}
          title={info ? `Service: ${info.keychain.service}` : undefined}
        >
          <span className="status-dot" aria-hidden="true" />
          {text}
        </span>
        {canRetry ? (
          <Button
            className="button button-small"
            title="Ask the keychain again"
            aria-describedby="keychain-status"
            busy={retrying}
            onClick={() => void retry()}
          >
            <Icon name="refresh" size={14} />
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
        ) : null}
        {info ? <span className="header-version">v{info.version}</span> : null}
      </div>
    </header>
  );
}
