import type { ReactElement } from 'react';
import { environmentLabel, healthLabel, providerLabel, type Health } from '../../lib/format';

export function EnvironmentBadge({ environment }: { environment: string | null }): ReactElement {
  const env = environment ?? 'unknown';
  return <span className={`badge env-${env}`}>{environmentLabel(environment)}</span>;
}

export function ProviderMark({ provider }: { provider: string }): ReactElement {
  return (
    <span className="provider">
      <span className={`provider-dot provider-${provider}`} aria-hidden="true" />
      {providerLabel(provider)}
    </span>
  );
}

export function HealthBadge({ health }: { health: Health }): ReactElement {
  return (
    <span className={`health health-${health}`}>
      <span className="status-dot" aria-hidden="true" />
      {healthLabel(health)}
    </span>
  );
}
