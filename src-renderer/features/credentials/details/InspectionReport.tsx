// What the last inspection found, in plain words: the verdict, why, what to do next, the vendor's
// checklist, who the token belongs to, its scopes and their risks, and the locations it can charge.
import type { ReactElement } from 'react';
import type { InspectionResult } from '@shared/contract';
import { environmentLabel, formatDateTime, relativeTime } from '../../../lib/format';
import { VerdictBadge } from '../../../ui/Badges';

export function InspectionReport({ result }: { result: InspectionResult }): ReactElement {
  return (
    <div className="inspection-report">
      <p className="inspection-headline">
        <VerdictBadge verdict={result.verdict} />
        <span className="muted"> · checked {relativeTime(result.checkedAt)}</span>
      </p>
      <p>{result.reason}</p>
      {result.nextStep ? (
        <p>
          <strong>Next step:</strong> {result.nextStep}
        </p>
      ) : null}
      {result.checklist.length > 0 ? (
        <>
          <h4>Things to check</h4>
          <ul className="inspection-list">
            {result.checklist.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      <dl className="details-fields">
        {result.merchant ? (
          <>
            <dt>Merchant</dt>
            <dd>
              {result.merchant.name ? `${result.merchant.name} · ` : ''}
              <span className="mono">{result.merchant.id}</span>
            </dd>
          </>
        ) : null}
        {result.appId ? (
          <>
            <dt>App</dt>
            <dd className="mono">{result.appId}</dd>
          </>
        ) : null}
        {result.environmentFound ? (
          <>
            <dt>Answered in</dt>
            <dd>{environmentLabel(result.environmentFound)}</dd>
          </>
        ) : null}
        {result.expiresAt ? (
          <>
            <dt>Vendor says it expires</dt>
            <dd>
              {formatDateTime(result.expiresAt)} ({relativeTime(result.expiresAt)})
            </dd>
          </>
        ) : null}
        {result.scopes.length > 0 ? (
          <>
            <dt>Scopes</dt>
            <dd className="mono scopes">{result.scopes.join(' ')}</dd>
          </>
        ) : null}
      </dl>
      {result.risks.length > 0 ? (
        <>
          <h4>Risks</h4>
          <ul className="inspection-list">
            {result.risks.map((r) => (
              <li key={r.text} className={`risk risk-${r.level}`}>
                <strong>{r.level === 'danger' ? 'Danger' : r.level === 'warning' ? 'Warning' : 'Note'}:</strong>{' '}
                {r.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.locations.length > 0 ? (
        <>
          <h4>Locations</h4>
          <ul className="inspection-list">
            {result.locations.map((l) => (
              <li key={l.id}>
                {l.name} <span className="mono">{l.id}</span> —{' '}
                {l.canCharge ? 'can take card payments' : 'cannot take card payments'}
                {l.active ? '' : ' (inactive)'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
