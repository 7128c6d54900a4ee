// Small labels that read the same on every screen: environment, provider, a credential's status,
// and "Missing from keychain". Each says its meaning in text and shape (its icon); colour only
// repeats it. Production is a solid pill in its own hue (tokens --prod / --on-prod) in both themes.
import type { ReactElement } from 'react';
import type { Environment, Provider, Verdict } from '@shared/vocabulary';
import {
  environmentLabel,
  providerLabel,
  STATUS_LABELS,
  verdictLabel,
  verdictTone,
  type CredentialStatus,
} from '../lib/format';
import { Icon, type IconName } from './Icon';
import './badges.css';

const ENV_ICON: Record<Environment, IconName> = { production: 'shield', sandbox: 'flask' };

export function EnvironmentBadge({ environment }: { environment: Environment | null }): ReactElement {
  return (
    <span className={`badge env-${environment ?? 'unknown'}`}>
      {environment ? <Icon name={ENV_ICON[environment]} size={13} /> : null}
      {environmentLabel(environment)}
    </span>
  );
}

export function ProviderMark({ provider }: { provider: Provider | 'other' }): ReactElement {
  return (
    <span className="provider">
      <span className={`provider-dot provider-${provider}`} aria-hidden="true" />
      {providerLabel(provider)}
    </span>
  );
}

const STATUS_ICON: { readonly [S in CredentialStatus]: IconName } = {
  pending: 'hourglass',
  active: 'check-circle',
  soon: 'clock',
  expired: 'x-circle',
};

export function StatusBadge({ status }: { status: CredentialStatus }): ReactElement {
  return (
    <span className={`health health-${status}`}>
      <Icon name={STATUS_ICON[status]} size={15} />
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

const VERDICT_ICON: { readonly [T in ReturnType<typeof verdictTone>]: IconName } = {
  ok: 'check-circle',
  bad: 'x-circle',
  warn: 'alert',
  none: 'info',
};

/** What the last inspection concluded, in words and shape; "Unchecked" until one ran. */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }): ReactElement {
  const tone = verdictTone(verdict);
  return (
    <span className={`health verdict-${tone}`}>
      <Icon name={VERDICT_ICON[tone]} size={15} />
      {verdictLabel(verdict)}
    </span>
  );
}
