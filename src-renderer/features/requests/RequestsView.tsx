// The outbound HTTP request log: what main sent to Clover and Square, paths already redacted.
import { useEffect, useState, type ReactElement } from 'react';
import type { RequestLogEntry } from '@shared/contract';
import { ENVIRONMENTS, PROVIDERS } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import {
  environmentLabel,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  providerLabel,
} from '../../lib/format';
import { ProviderMark } from '../../ui/Badges';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Empty, Loading } from '../../ui/Status';
import type { ConnectionCheck } from './requestsSlice';
import './requests.css';

const TARGETS = PROVIDERS.flatMap((p) =>
  ENVIRONMENTS.map((e) => ({ value: `${p}.${e}`, provider: p, environment: e })),
);

export function RequestsView(): ReactElement {
  const requests = useStore((s) => s.requests);
  const status = useStore((s) => s.requestsStatus);
  const load = useStore((s) => s.loadRequests);
  const checkConnection = useStore((s) => s.checkConnection);
  const checking = useStore((s) => s.checkingConnection);
  const check = useStore((s) => s.connectionCheck);
  const [target, setTarget] = useState<string>('square.sandbox');
  const [vendor, setVendor] = useState<string>('');
  const [outcome, setOutcome] = useState<'' | 'failed' | 'ok'>('');
  const [text, setText] = useState('');
  const shown = filterRequests(requests, { vendor, outcome, text });

  useEffect(() => {
    if (useStore.getState().requestsStatus === 'idle') void load();
  }, [load]);

  const loading = status === 'loading' || status === 'idle';
  return (
    <section className="screen" aria-labelledby="requests-title">
      <div className="screen-header">
        <div>
          <h1 id="requests-title">Requests</h1>
          <p className="screen-subtitle">
            Every HTTP request the app sent to Clover or Square, newest first. Tokens in paths are redacted.
          </p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Request log">
          <select
            aria-label="Connection to check"
            className="toolbar-select"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            {TARGETS.map((t) => (
              <option key={t.value} value={t.value}>
                {providerLabel(t.provider)} {environmentLabel(t.environment).toLowerCase()}
              </option>
            ))}
          </select>
          <Button
            className="button"
            onClick={() => {
              const t = TARGETS.find((x) => x.value === target);
              if (t) void checkConnection(t.provider, t.environment);
            }}
            busy={checking}
          >
            {checking ? 'Checking…' : 'Check connection'}
          </Button>
          <Button className="button" onClick={() => void load()} busy={status === 'loading'}>
            {status === 'loading' ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>

      {check ? <CheckResult check={check} /> : null}
      <CopiedCurl />

      {loading && requests.length === 0 ? (
        <Loading>Loading requests…</Loading>
      ) : requests.length === 0 ? (
        <Empty icon="list" title="No requests yet">
          <p>
            Requests appear here when Merchant Keychain talks to Clover or Square — checking a token, refreshing it, or
            sending a sandbox test charge. Each one shows its status, timing, idempotency key and attempt number.
          </p>
        </Empty>
      ) : (
        <>
          <div className="toolbar request-filters" role="search" aria-label="Filter requests">
            <label className="field">
              <span className="field-label">Vendor</span>
              <select className="toolbar-select" value={vendor} onChange={(e) => setVendor(e.target.value)}>
                <option value="">All vendors</option>
                <option value="clover">Clover</option>
                <option value="square">Square</option>
                <option value="other">Other</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Outcome</span>
              <select
                className="toolbar-select"
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as '' | 'failed' | 'ok')}
              >
                <option value="">Any outcome</option>
                <option value="failed">Failed or refused</option>
                <option value="ok">Succeeded</option>
              </select>
            </label>
            <label className="field request-search">
              <span className="field-label">Search</span>
              <input
                type="text"
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="Host, path, key or error"
              />
            </label>
            <span className="muted" aria-live="polite">
              {shown.length} of {requests.length} requests
            </span>
          </div>
          <div className="table-wrap">
            {/* Explicit roles: below 720 px the rows reflow into cards (ui/table.css, .table-reflow). */}
            <table className="table table-reflow requests-table" aria-label="Request log" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  {COLUMNS.map((c) => (
                    <th key={c.label} scope="col" role="columnheader" className={c.num ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {shown.map((r) => (
                  <RequestRow key={r.id} entry={r} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The last copied command as the screen may show it: every secret scrubbed by main. */
function CopiedCurl(): ReactElement | null {
  const copied = useStore((s) => s.copiedCurl);
  if (!copied) return null;
  return (
    <section className="panel copied-curl" aria-labelledby="copied-curl-title">
      <h2 id="copied-curl-title">Copied as curl — shown here without its secrets</h2>
      <pre className="mono">{copied.redacted}</pre>
      <p className="muted">The clipboard holds the real command, with the token; it is cleared after the countdown.</p>
    </section>
  );
}

function CheckResult({ check }: { check: ConnectionCheck }): ReactElement {
  const name = `${providerLabel(check.provider)} ${environmentLabel(check.environment).toLowerCase()}`;
  const answer = check.status !== null ? `HTTP ${check.status}` : 'no answer';
  const detail = `${answer} in ${formatDuration(check.durationMs)}`;
  const title = `${check.reachable ? `${name} is reachable` : `${name} is not reachable`} (${detail}).`;
  return (
    <Banner tone={check.reachable ? 'ok' : 'warn'} role="status" title={title}>
      <p className="banner-hint">
        {check.reachable
          ? 'The network path to the API works; no credential was sent.'
          : 'Check the network, proxy or firewall before suspecting the credential.'}
      </p>
    </Banner>
  );
}

/** The log filtered by vendor, outcome (failed: no answer or HTTP >= 400) and text. */
export function filterRequests(
  list: readonly RequestLogEntry[],
  f: { vendor: string; outcome: '' | 'failed' | 'ok'; text: string },
): RequestLogEntry[] {
  const q = f.text.trim().toLowerCase();
  return list.filter(
    (r) =>
      (f.vendor === '' || r.provider === f.vendor) &&
      (f.outcome === '' || (f.outcome === 'failed') === (r.status === null || r.status >= 400)) &&
      (q === '' ||
        [r.host, r.path, r.idempotencyKey ?? '', r.error ?? '', r.method].some((s) => s.toLowerCase().includes(q))),
  );
}

function statusTone(r: RequestLogEntry): string {
  if (r.status === null) return 'bad';
  if (r.status >= 500) return 'bad';
  if (r.status >= 400) return 'warn';
  if (r.status >= 300) return 'neutral';
  return 'ok';
}

/** The log's columns; `num`: right-aligned figures. */
const COLUMNS: readonly { label: string; num?: boolean }[] = [
  { label: 'Time' },
  { label: 'Provider' },
  { label: 'Method' },
  { label: 'Host' },
  { label: 'Path' },
  { label: 'Status', num: true },
  { label: 'Duration', num: true },
  { label: 'Idempotency key' },
  { label: 'Attempt', num: true },
  { label: 'Copy' },
];

function RequestRow({ entry: r }: { entry: RequestLogEntry }): ReactElement {
  return (
    <tr role="row">
      <td role="cell" data-label="Time" className="nowrap" title={formatDateTime(r.at)}>
        <span>{formatTime(r.at)}</span>
        <span className="cell-sub">{formatDate(r.at)}</span>
      </td>
      <td role="cell" data-label="Provider">
        <ProviderMark provider={r.provider} />
      </td>
      <td role="cell" data-label="Method">
        <span className="method">{r.method}</span>
      </td>
      <td role="cell" data-label="Host" className="cell-host" title={r.host}>
        <span className="mono">{r.host}</span>
      </td>
      <td role="cell" data-label="Path" className="cell-path" title={r.error ? `${r.path}\n${r.error}` : r.path}>
        <span className="mono">{r.path}</span>
        {r.error ? <span className="cell-sub cell-error">{r.error}</span> : null}
      </td>
      <td role="cell" data-label="Status" className="num">
        <span className={`http-status tone-${statusTone(r)}`}>{r.status ?? 'Failed'}</span>
      </td>
      <td role="cell" data-label="Duration" className="num nowrap">
        <span>{formatDuration(r.durationMs)}</span>
      </td>
      <td role="cell" data-label="Idempotency key" className="cell-key" title={r.idempotencyKey ?? undefined}>
        {r.idempotencyKey ? <span className="mono">{r.idempotencyKey}</span> : <span className="muted">—</span>}
      </td>
      <td role="cell" data-label="Attempt" className="num">
        <span>{r.attempt}</span>
      </td>
      <td role="cell" data-label="Copy">
        <button
          type="button"
          className="button button-small"
          aria-label={`Copy as curl: ${r.method} ${r.path}`}
          title="Main puts the real command on the clipboard; it is cleared after the countdown"
          onClick={() => void useStore.getState().copyRequestAsCurl(r)}
        >
          curl
        </button>
      </td>
    </tr>
  );
}
