// The ledger of every attempt (main's charges.json, kept across restarts): key, request, outcome,
// vendor id, time; filtered by vendor, status and text. Reflows into cards at 200% zoom.
import { useMemo, useState, type ReactElement } from 'react';
import type { ChargeAttemptView } from '@shared/contract';
import { CHARGE_STATUSES, type ChargeStatus, type Provider } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import { formatDateTime, providerLabel } from '../../lib/format';
import { ChargeStatusBadge } from './ChargeStatusBadge';
import { formatMoney } from './scenarios';

export function filterAttempts(
  list: readonly ChargeAttemptView[],
  f: { provider: Provider | ''; status: ChargeStatus | ''; text: string },
  labelOf: (id: string) => string,
): ChargeAttemptView[] {
  const q = f.text.trim().toLowerCase();
  return list.filter(
    (a) =>
      (f.provider === '' || a.provider === f.provider) &&
      (f.status === '' || a.status === f.status) &&
      (q === '' ||
        [a.idempotencyKey, a.vendorId ?? '', a.message, labelOf(a.credentialId), a.request.scenario].some((s) =>
          s.toLowerCase().includes(q),
        )),
  );
}

export function Ledger(): ReactElement {
  const attempts = useStore((s) => s.attempts);
  const credentials = useStore((s) => s.credentials);
  const [provider, setProvider] = useState<Provider | ''>('');
  const [status, setStatus] = useState<ChargeStatus | ''>('');
  const [text, setText] = useState('');
  const labels = useMemo(() => new Map(credentials.map((c) => [c.id, c.label])), [credentials]);
  const labelOf = (id: string): string => labels.get(id) ?? 'Deleted credential';
  const shown = filterAttempts(attempts, { provider, status, text }, labelOf);

  return (
    <section className="panel ledger" aria-labelledby="ledger-title">
      <div className="panel-header">
        <h2 id="ledger-title">Ledger</h2>
        <span className="muted" aria-live="polite">
          {shown.length} of {attempts.length} attempts
        </span>
      </div>
      <div className="toolbar ledger-filters" role="search" aria-label="Filter the ledger">
        <label className="field">
          <span className="field-label">Vendor</span>
          <select
            className="toolbar-select"
            value={provider}
            onChange={(e) => setProvider(e.target.value as Provider | '')}
          >
            <option value="">All vendors</option>
            <option value="clover">Clover</option>
            <option value="square">Square</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Status</span>
          <select
            className="toolbar-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as ChargeStatus | '')}
          >
            <option value="">Any status</option>
            {CHARGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Search</span>
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Key, vendor id, label…"
          />
        </label>
      </div>
      {attempts.length === 0 ? (
        <p className="muted">No test charges yet. Each attempt you send is listed here and kept across restarts.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-reflow" aria-label="Charge attempts">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Credential</th>
                <th scope="col">Request</th>
                <th scope="col">Outcome</th>
                <th scope="col">Vendor id</th>
                <th scope="col">Idempotency key</th>
                <th scope="col">Sends</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id}>
                  <td data-label="Time" className="nowrap">
                    {formatDateTime(a.createdAt)}
                  </td>
                  <td data-label="Credential">
                    {labelOf(a.credentialId)}
                    <span className="cell-sub">{providerLabel(a.provider)}</span>
                  </td>
                  <td data-label="Request">
                    {formatMoney(a.request.amount, a.request.currency)}
                    <span className="cell-sub">{a.request.scenario}</span>
                  </td>
                  <td data-label="Outcome">
                    <ChargeStatusBadge status={a.status} />
                    {a.replayed ? <span className="cell-sub">replayed, no second charge</span> : null}
                  </td>
                  <td data-label="Vendor id" className="mono">
                    {a.vendorId ?? '—'}
                  </td>
                  <td data-label="Idempotency key" className="mono">
                    {a.idempotencyKey}
                  </td>
                  <td data-label="Sends" className="num">
                    {a.sends}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
