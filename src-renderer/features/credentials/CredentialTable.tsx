// The table of confirmed credentials. Per row: Rename (inline), Copy (menu), Delete (dialog).
// Long lists are shown a page at a time ("Show more"): putting 1,000 rows in the DOM costs about
// 2 s of React, style and layout work on a 2-core machine (npm run bench, part 4), while the first
// 100 rows appear at once. The table still states the full count (aria-rowcount and the footer).
import { useState, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../app/store';
import { formatDate, formatDateTime, health, kindLabel, relativeTime } from '../../lib/format';
import { Icon } from '../../app/icons';
import { EnvironmentBadge, HealthBadge, ProviderMark } from './Badges';
import { CopyMenu } from './CopyMenu';
import { DeleteDialog } from './DeleteDialog';
import { RenameForm } from './RenameForm';

/** Rows rendered at first, and added by each "Show more". */
export const PAGE_SIZE = 100;

export function CredentialTable({ credentials }: { credentials: CredentialView[] }): ReactElement {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CredentialView | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const sorted = [...credentials].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  const rows = sorted.slice(0, shown);
  const hidden = sorted.length - rows.length;

  return (
    <>
      <div className="table-wrap">
        <table className="table credentials-table" aria-label="Credentials" aria-rowcount={sorted.length + 1}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Provider</th>
              <th scope="col">Kind</th>
              <th scope="col">Environment</th>
              <th scope="col">Fingerprint</th>
              <th scope="col" className="col-added">
                Added
              </th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
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
                renaming={renaming === c.id}
                onRename={() => setRenaming(c.id)}
                onRenameDone={() => setRenaming(null)}
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
      {deleting ? <DeleteDialog credential={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}

function Row(props: {
  credential: CredentialView;
  renaming: boolean;
  onRename(): void;
  onRenameDone(): void;
  onDelete(): void;
}): ReactElement {
  const { credential: c, renaming } = props;
  const busy = useStore((s) => s.busy[c.id]);
  const h = health(c);
  return (
    <tr aria-busy={busy !== undefined}>
      <th scope="row" className="cell-label">
        {renaming ? <RenameForm credential={c} onDone={props.onRenameDone} /> : <span className="label-text">{c.label}</span>}
        {c.merchantId ? <span className="cell-sub">Merchant {c.merchantId}</span> : null}
        {c.appId ? <span className="cell-sub">App {c.appId}</span> : null}
        {c.locationId ? <span className="cell-sub">Location {c.locationId}</span> : null}
      </th>
      <td>
        <ProviderMark provider={c.provider} />
      </td>
      <td>{kindLabel(c.kind)}</td>
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
      <td>
        <HealthBadge health={h} />
      </td>
      <td className="col-actions">
        {renaming ? null : (
          <div className="row-actions">
            <RowButton name="Rename" label={c.label} icon="pencil" onClick={props.onRename} disabled={busy !== undefined} />
            <CopyMenu credential={c} disabled={busy !== undefined} />
            <RowButton name="Delete" label={c.label} icon="trash" danger onClick={props.onDelete} disabled={busy !== undefined} />
          </div>
        )}
      </td>
    </tr>
  );
}

/** An icon button in a row's action column, named for screen readers as "<action> <label>". */
function RowButton(props: { name: string; label: string; icon: 'pencil' | 'trash'; danger?: boolean; disabled: boolean; onClick(): void }): ReactElement {
  return (
    <button
      type="button"
      className={`icon-button row-button${props.danger ? ' row-button-danger' : ''}`}
      aria-label={`${props.name} ${props.label}`}
      title={props.name}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      <Icon name={props.icon} />
    </button>
  );
}
