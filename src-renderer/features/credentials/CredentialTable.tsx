// The table of confirmed credentials. Per row: Rename (inline), Copy (menu), Delete (dialog).
import { useState, type ReactElement } from 'react';
import type { CredentialView } from '../../../src-main/ipc/contract';
import { useStore } from '../../app/store';
import { formatDate, formatDateTime, health, kindLabel, relativeTime } from '../../lib/format';
import { Icon } from '../../app/icons';
import { EnvironmentBadge, HealthBadge, ProviderMark } from './Badges';
import { CopyMenu } from './CopyMenu';
import { DeleteDialog } from './DeleteDialog';
import { RenameForm } from './RenameForm';

export function CredentialTable({ credentials }: { credentials: CredentialView[] }): ReactElement {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CredentialView | null>(null);
  const rows = [...credentials].sort((a, b) => b.addedAt.localeCompare(a.addedAt));

  return (
    <>
      <div className="table-wrap">
        <table className="table credentials-table" aria-label="Credentials">
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
            <button
              type="button"
              className="icon-button row-button"
              aria-label={`Rename ${c.label}`}
              title="Rename"
              onClick={props.onRename}
              disabled={busy !== undefined}
            >
              <Icon name="pencil" />
            </button>
            <CopyMenu credential={c} disabled={busy !== undefined} />
            <button
              type="button"
              className="icon-button row-button row-button-danger"
              aria-label={`Delete ${c.label}`}
              title="Delete"
              onClick={props.onDelete}
              disabled={busy !== undefined}
            >
              <Icon name="trash" />
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
