// The table of confirmed credentials. Per row: Rename (inline), Copy (menu), Delete (dialog); a
// row whose keychain item the last keychain check did not find is marked "Missing from keychain"
// under its label.
// Long lists are shown a page at a time ("Show more"): putting 1,000 rows in the DOM costs about
// 2 s of React, style and layout work on a 2-core machine (npm run bench, part 4), while the first
// 100 rows appear at once. The table still states the full count (aria-rowcount and the footer).
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { FOCUS } from '../../app/appSlice';
import { useStore } from '../../app/store';
import { useWriteLock } from '../../app/writeLock';
import { credentialStatus, formatDate, formatDateTime, kindLabel, relativeTime } from '../../lib/format';
import { EnvironmentBadge, MissingBadge, ProviderMark, StatusBadge, VerdictBadge } from '../../ui/Badges';
import { RowButton } from '../../ui/RowButton';
import { CopyMenu } from './CopyMenu';
import { DeleteDialog } from './DeleteDialog';
import { RenameForm } from './RenameForm';
import { useMissingIds } from './useMissingIds';
import './credential-table.css';

/** Rows rendered at first, and added by each "Show more". */
export const PAGE_SIZE = 100;

export function CredentialTable({ credentials }: { credentials: CredentialView[] }): ReactElement {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CredentialView | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const missing = useMissingIds();
  const lock = useWriteLock().reason; // read once here, not once per row
  const sorted = useMemo(() => [...credentials].sort((a, b) => b.addedAt.localeCompare(a.addedAt)), [credentials]);
  const rows = sorted.slice(0, shown);
  const hidden = sorted.length - rows.length;
  useFocusOnRow();

  return (
    <>
      <div className="table-wrap">
        <table className="table credentials-table" aria-label="Credentials" aria-rowcount={sorted.length + 1}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Status</th>
              <th scope="col">Last check</th>
              <th scope="col">Credential</th>
              <th scope="col">Environment</th>
              <th scope="col">Fingerprint</th>
              <th scope="col" className="col-added">
                Added
              </th>
              <th scope="col">Expires</th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <Row
                key={c.id}
                credential={c}
                missing={missing.has(c.id)}
                lock={lock}
                renaming={renaming === c.id}
                onRename={() => setRenaming(c.id)}
                onRenameDone={() => {
                  setRenaming(null);
                  useStore.getState().requestFocus(FOCUS.credential(c.id)); // back to the row, not <body>
                }}
                onDelete={() => setDeleting(c)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? (
        <div className="table-more">
          <span>
            Showing {rows.length.toLocaleString()} of {sorted.length.toLocaleString()} credentials
          </span>
          <button type="button" className="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
            Show {Math.min(PAGE_SIZE, hidden).toLocaleString()} more
          </button>
          <button type="button" className="button" onClick={() => setShown(sorted.length)}>
            Show all
          </button>
        </div>
      ) : null}
      {deleting ? (
        <DeleteDialog
          credential={deleting}
          focusAfter={focusAfterDelete(rows, deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}

/** After a delete: the next row, else the previous one, else the screen. */
function focusAfterDelete(rows: readonly CredentialView[], id: string): string {
  const i = rows.findIndex((r) => r.id === id);
  const next = rows[i + 1] ?? rows[i - 1];
  return next ? FOCUS.credential(next.id) : FOCUS.main;
}

const ROW_PREFIX = FOCUS.credential('');

/** Takes a focus request for one row (after confirming a credential) with one subscription for all rows. */
function useFocusOnRow(): void {
  const request = useStore((s) => (s.focusRequest?.startsWith(ROW_PREFIX) ? s.focusRequest : null));
  useEffect(() => {
    if (!request) return;
    const cell = document.getElementById(`row-${request.slice(ROW_PREFIX.length)}`);
    // A row not on the shown page cannot take it: the screen does, so focus is never lost.
    if (cell) cell.focus();
    useStore.getState().requestFocus(cell ? null : FOCUS.main);
  }, [request]);
}

function Row(props: {
  credential: CredentialView;
  missing: boolean;
  /** Why writes are turned off, or null. */
  lock: string | null;
  renaming: boolean;
  onRename(): void;
  onRenameDone(): void;
  onDelete(): void;
}): ReactElement {
  const { credential: c, renaming } = props;
  const busy = useStore((s) => s.busy[c.id]) !== undefined;
  const selected = useStore((s) => s.selectedId === c.id);
  const { lock } = props;
  return (
    <tr
      aria-busy={busy}
      className={
        [c.environment === 'production' ? 'row-production' : '', selected ? 'row-selected' : ''].join(' ').trim() ||
        undefined
      }
    >
      <th scope="row" className="cell-label" id={`row-${c.id}`} tabIndex={-1}>
        {renaming ? (
          <RenameForm credential={c} onDone={props.onRenameDone} />
        ) : (
          <span className="label-text">{c.label}</span>
        )}
        {c.merchantId ? <span className="cell-sub">Merchant {c.merchantId}</span> : null}
        {c.appId ? <span className="cell-sub">App {c.appId}</span> : null}
        {c.locationId ? <span className="cell-sub">Location {c.locationId}</span> : null}
        {/* Under the label, where the row is named and always in view. */}
        {props.missing ? (
          <span className="cell-flag">
            <MissingBadge />
          </span>
        ) : null}
      </th>
      <td>
        <StatusBadge status={credentialStatus(c)} />
      </td>
      <td className="nowrap">
        <VerdictBadge verdict={c.verdict} />
        {c.lastCheckedAt ? <span className="cell-sub">{relativeTime(c.lastCheckedAt)}</span> : null}
      </td>
      <td className="nowrap">
        <ProviderMark provider={c.provider} />
        <span className="cell-sub">{kindLabel(c.kind)}</span>
      </td>
      <td>
        <EnvironmentBadge environment={c.environment} />
      </td>
      <td>
        <span className="mono fingerprint">{c.fingerprint}</span>
      </td>
      <td className="nowrap col-added" title={formatDateTime(c.addedAt)}>
        {formatDate(c.addedAt)}
      </td>
      <td className="nowrap">
        {c.expiresAt ? (
          <span title={formatDateTime(c.expiresAt)}>
            {formatDate(c.expiresAt)}
            <span className="cell-sub">{relativeTime(c.expiresAt)}</span>
          </span>
        ) : (
          <span className="muted" aria-label="No expiry known">
            —
          </span>
        )}
      </td>
      <td className="col-actions">
        {renaming ? null : (
          <div className="row-actions">
            <RowButton
              name="Details"
              label={c.label}
              icon="info"
              onClick={() => useStore.getState().selectCredential(c.id)}
              disabled={false}
            />
            <RowButton
              name="Rename"
              label={c.label}
              icon="pencil"
              onClick={props.onRename}
              busy={busy}
              disabled={lock !== null}
              reason={lock}
            />
            <CopyMenu credential={c} disabled={busy} />
            <RowButton
              name="Delete"
              label={c.label}
              icon="trash"
              danger
              onClick={props.onDelete}
              busy={busy}
              disabled={lock !== null}
              reason={lock}
            />
          </div>
        )}
      </td>
    </tr>
  );
}
