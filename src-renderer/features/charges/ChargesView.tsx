// The charge lab (sandbox only): the form, the last attempt with Retry / Refund, and the ledger.
import type { ReactElement } from 'react';
import { useStore } from '../../app/store';
import { AttemptResult } from './AttemptResult';
import { ChargeForm } from './ChargeForm';
import { Ledger } from './Ledger';
import './charges.css';

export function ChargesView(): ReactElement {
  const last = useStore((s) => s.attempts.find((a) => a.id === s.lastAttemptId));
  return (
    <section className="screen" aria-labelledby="charges-title">
      <div className="screen-header">
        <div>
          <h1 id="charges-title">Charge lab</h1>
          <p className="screen-subtitle">
            Sandbox test charges with the vendors&apos; documented test cards and nonces. Production credentials are
            refused before anything is sent.
          </p>
        </div>
      </div>
      <div className="panel">
        <ChargeForm />
      </div>
      {last ? <AttemptResult attempt={last} /> : null}
      <Ledger />
    </section>
  );
}
