// The last attempt, in plain words: outcome, the vendor's id, how many sends the key has had, and,
// after a retry, whether the vendor replayed its stored answer (no second charge was made).
import type { ReactElement } from 'react';
import type { ChargeAttemptView } from '@shared/contract';
import { useStore } from '../../app/store';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { ChargeStatusBadge } from './ChargeStatusBadge';
import { formatMoney } from './scenarios';

export function AttemptResult({ attempt: a }: { attempt: ChargeAttemptView }): ReactElement {
  const busy = useStore((s) => s.chargeBusy);
  const canRefund = a.status === 'succeeded' || a.status === 'partially_refunded';
  return (
    <section className="panel attempt-result" aria-labelledby="attempt-title" aria-live="polite">
      <h2 id="attempt-title">Last attempt</h2>
      <p className="attempt-line">
        <ChargeStatusBadge status={a.status} /> {formatMoney(a.request.amount, a.request.currency)} ·{' '}
        {a.request.scenario}
      </p>
      <p>{a.message}</p>
      {a.replayed ? (
        <p className="attempt-replayed">
          <Icon name="check-circle" /> The vendor replayed its stored answer for this key: no second charge was made.
        </p>
      ) : null}
      <dl className="details-fields">
        <dt>Idempotency key</dt>
        <dd className="mono">{a.idempotencyKey}</dd>
        <dt>Vendor id</dt>
        <dd className="mono">{a.vendorId ?? '—'}</dd>
        <dt>Sends with this key</dt>
        <dd>{a.sends}</dd>
      </dl>
      <div className="toolbar">
        <Button
          className="button"
          busy={busy === 'retry'}
          onClick={() => void useStore.getState().retryCharge(a.id)}
          title="Send the same request again with the same key"
        >
          <Icon name="refresh" />
          {busy === 'retry' ? 'Retrying…' : 'Retry with the same key'}
        </Button>
        {canRefund ? (
          <Button
            className="button"
            busy={busy === 'refund'}
            onClick={() => void useStore.getState().refundCharge(a.id)}
          >
            {busy === 'refund' ? 'Refunding…' : 'Refund'}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
