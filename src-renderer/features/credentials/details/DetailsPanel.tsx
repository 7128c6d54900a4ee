// The selected credential in full (a table row's Details, a diagram node): what it is, where it
// belongs, when it expires, what the last inspection said, and the actions that apply to it.
import { useEffect, useRef, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { FOCUS } from '../../../app/appSlice';
import { useStore } from '../../../app/store';
import { formatDateTime, kindLabel, providerLabel, relativeTime } from '../../../lib/format';
import { EnvironmentBadge, VerdictBadge } from '../../../ui/Badges';
import { Icon } from '../../../ui/Icon';
import { ConnectForm } from './ConnectForm';
import { DetailsActions } from './DetailsActions';
import { InspectionReport } from './InspectionReport';
import './details.css';

export function DetailsPanel(): ReactElement | null {
  const id = useStore((s) => s.selectedId);
  const credential = useStore((s) => s.credentials.find((c) => c.id === id && c.status === 'active'));
  if (!credential) return null;
  return <Panel key={credential.id} credential={credential} />;
}

function Panel({ credential: c }: { credential: CredentialView }): ReactElement {
  const inspection = useStore((s) => s.inspections[c.id]);
  const message = useStore((s) => (s.detailsMessage?.id === c.id ? s.detailsMessage : null));
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening the panel (or another credential in it: a new key) puts focus on its heading, so a
  // screen reader hears what opened and Tab continues into its actions.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  function close(): void {
    useStore.getState().selectCredential(null);
    useStore.getState().requestFocus(FOCUS.credential(c.id)); // back to the row it came from
  }

  return (
    <section
      className={`details-panel${c.environment === 'production' ? ' details-production' : ''}`}
      aria-labelledby="details-title"
    >
      <div className="details-head">
        <h2 id="details-title" ref={heading} tabIndex={-1}>
          {c.label}
        </h2>
        <button type="button" className="icon-button" aria-label="Close details" title="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </div>
      {c.environment === 'production' ? (
        <p className="details-prod-note">
          <Icon name="shield" /> PRODUCTION credential: actions here affect a live merchant.
        </p>
      ) : null}
      <dl className="details-fields">
        <dt>What</dt>
        <dd>
          {providerLabel(c.provider)} {kindLabel(c.kind).toLowerCase()} ·{' '}
          <EnvironmentBadge environment={c.environment} />
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{c.fingerprint}</dd>
        {c.merchantId ? (
          <>
            <dt>Merchant</dt>
            <dd className="mono">{c.merchantId}</dd>
          </>
        ) : null}
        {c.appId ? (
          <>
            <dt>App</dt>
            <dd className="mono">{c.appId}</dd>
          </>
        ) : null}
        {c.locationId ? (
          <>
            <dt>Location</dt>
            <dd className="mono">{c.locationId}</dd>
          </>
        ) : null}
        <dt>Expires</dt>
        <dd>{c.expiresAt ? `${formatDateTime(c.expiresAt)} (${relativeTime(c.expiresAt)})` : 'No expiry known'}</dd>
        <dt>Last check</dt>
        <dd>
          <VerdictBadge verdict={c.verdict} />
          {c.lastCheckedAt ? <span className="muted"> · {relativeTime(c.lastCheckedAt)}</span> : null}
        </dd>
      </dl>
      <DetailsActions credential={c} />
      <div role="status" aria-live="polite" className="details-status">
        {message ? <p className={`details-message details-message-${message.tone}`}>{message.text}</p> : null}
      </div>
      {inspection ? <InspectionReport result={inspection} /> : null}
      {c.kind === 'app_id' || c.kind === 'application_id' ? <ConnectForm credential={c} /> : null}
    </section>
  );
}
