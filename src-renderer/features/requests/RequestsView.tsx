// The outbound HTTP request log: what main sent to Clover and Square, paths already redacted.
import { useEffect, type ReactElement } from 'react';
import type { RequestLogEntry } from '../../../src-main/ipc/contract';
import { useStore } from '../../app/store';
import { formatDate, formatDateTime, formatDuration, formatTime, providerLabel } from '../../lib/format';
import { ProviderMark } from '../credentials/Badges';

export function RequestsView(): ReactElement {
  const requests = useStore((s) => s.requests);
  const status = useStore((s) => s.requestsStatus);
  const load = useStore((s) => s.loadRequests);

  useEffect(() => {
    if (useStore.getState().requestsStatus === 'idle') void load();
  }, [load]);

  const loading = status === 'loading' || status === 'idle';
  return (
    <section className="screen" aria-labelledby="requests-title">
      <div className="screen-header">
        <div>
          <h1 id="requests-title">Requests</h1>
          <p className="screen-subtitle">Every HTTP request the app sent to Clover or Square, newest first. Tokens in paths are redacted.</p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Request log">
          <button type="button" className="button" onClick={() => void load()} disabled={status === 'loading'} aria-busy={status === 'loading'}>
            {status === 'loading' ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>

      {loading && requests.length === 0 ? (
        <div className="loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          Loading requests…
        </div>
      ) : requests.length === 0 ? (
        <div className="empty">
          <h2>No requests yet</h2>
          <p>
            Requests appear here when Merchant Keychain talks to Clover or Square — checking a token, refreshing it, or sending a sandbox test
            charge. Each one shows its status, timing, idempotency key and attempt number.
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table requests-table" aria-label="Request log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Provider</th>
                <th scope="col">Method</th>
                <th scope="col">Host</th>
                <th scope="col">Path</th>
                <th scope="col" className="num">
                  Status
                </th>
                <th scope="col" className="num">
                  Duration
                </th>
                <th scope="col">Idempotency key</th>
                <th scope="col" className="num">
                  Attempt
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <RequestRow key={r.id} entry={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function statusTone(r: RequestLogEntry): string {
  if (r.status === null) return 'bad';
  if (r.status >= 500) return 'bad';
  if (r.status >= 400) return 'warn';
  if (r.status >= 300) return 'neutral';
  return 'ok';
}

function RequestRow({ entry: r }: { entry: RequestLogEntry }): ReactElement {
  return (
    <tr>
      <td className="nowrap" title={formatDateTime(r.at)}>
        <span>{formatTime(r.at)}</span>
        <span className="cell-sub">{formatDate(r.at)}</span>
      </td>
      <td>{r.provider === 'other' ? <span>{providerLabel(r.provider)}</span> : <ProviderMark provider={r.provider} />}</td>
      <td>
        <span className="method">{r.method}</span>
      </td>
      <td className="mono">{r.host}</td>
      <td className="mono cell-path" title={r.path}>
        {r.path}
      </td>
      <td className="num">
        <span className={`http-status tone-${statusTone(r)}`} title={r.error ?? undefined}>
          {r.status ?? 'Failed'}
        </span>
        {r.error ? <span className="cell-sub cell-error">{r.error}</span> : null}
      </td>
      <td className="num nowrap">{formatDuration(r.durationMs)}</td>
      <td className="mono cell-key" title={r.idempotencyKey ?? undefined}>
        {r.idempotencyKey ?? <span className="muted">—</span>}
      </td>
      <td className="num">{r.attempt}</td>
    </tr>
  );
}
