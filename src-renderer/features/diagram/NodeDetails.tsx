// The selected diagram node: what it is and, for a stored credential, its verdict and expiry, with
// "Show in Credentials" (its details panel there has the actions).
import type { ReactElement } from 'react';
import { useStore } from '../../app/store';
import { environmentLabel, formatDateTime, kindLabel } from '../../lib/format';
import { VerdictBadge } from '../../ui/Badges';

export function NodeDetails({ onShowInCredentials }: { onShowInCredentials(): void }): ReactElement {
  const node = useStore((s) => s.graph?.nodes.find((n) => n.id === s.selectedNodeId) ?? null);
  const cred = useStore((s) =>
    node?.credentialId ? s.credentials.find((c) => c.id === node.credentialId) : undefined,
  );
  if (!node) {
    return (
      <section className="panel node-details" aria-labelledby="node-title">
        <h2 id="node-title">Nothing selected</h2>
        <p className="muted">Select a node (click it, or Tab to it and press Enter) to see it here.</p>
      </section>
    );
  }
  return (
    <section className="panel node-details" aria-labelledby="node-title" aria-live="polite">
      <h2 id="node-title">{node.label}</h2>
      <dl className="details-fields">
        <dt>What</dt>
        <dd>{node.kind ? kindLabel(node.kind) : node.type.replace('_', ' ')}</dd>
        <dt>Environment</dt>
        <dd>{node.environment === 'production' ? 'PRODUCTION' : environmentLabel(node.environment)}</dd>
        {node.merchantId ? (
          <>
            <dt>Merchant</dt>
            <dd className="mono">{node.merchantId}</dd>
          </>
        ) : null}
        {node.fingerprint ? (
          <>
            <dt>Fingerprint</dt>
            <dd className="mono">{node.fingerprint}</dd>
          </>
        ) : null}
        {node.type === 'credential' ? (
          <>
            <dt>Last check</dt>
            <dd>
              <VerdictBadge verdict={node.verdict} />
            </dd>
          </>
        ) : null}
        {cred?.expiresAt ? (
          <>
            <dt>Expires</dt>
            <dd>{formatDateTime(cred.expiresAt)}</dd>
          </>
        ) : null}
        {node.action ? (
          <>
            <dt>To fill it</dt>
            <dd>{node.action}</dd>
          </>
        ) : null}
      </dl>
      {node.credentialId ? (
        <button type="button" className="button" onClick={onShowInCredentials}>
          Show in Credentials
        </button>
      ) : null}
    </section>
  );
}
