// Small labels that read the same on every screen: environment, provider, a credential's status,
// and "Missing from keychain". Each says its meaning in text; colour only repeats it.
import type { ReactElement } from 'react';
import type { Environment, Provider } from '@shared/vocabulary';
import { environmentLabel, providerLabel, STATUS_LABELS, type CredentialStatus } from '../lib/format';
import { Icon } from './Icon';
import './badges.css';

export function EnvironmentBadge({ environment }: { environment: Environment | null }): ReactElement {
  return <span className={`badge env-${environment ?? 'unknown'}`}>{environmentLabel(environment)}</span>;
}

export function ProviderMark({ provider }: { provider: Provider | 'other' }): ReactElement {
  return (
    <span className="provider">
      <span className={`provider-dot provider-${provider}`} aria-hidden="true" />
      {providerLabel(provider)}
    </span>
  );
}

export function StatusBadge({ status }: { status: CredentialStatus }): ReactElement {
  return (
    <span className={`health health-${status}`}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

/** A credential whose keychain item the last keychain check did not find. */
export function MissingBadge(): ReactElement {
  return (
    <span className="missing-badge">
      <Icon name="unlink" size={14} />
      Missing from keychain
    </span>
  );
}
