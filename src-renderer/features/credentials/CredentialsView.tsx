// The Credentials screen: toolbar (paste / import — there is no field to type a secret into),
// notices, the confirm panel for pending imports, and the table of active credentials.
import { useMemo, type ReactElement } from 'react';
import { useStore } from '../../app/store';
import { Icon } from '../../app/icons';
import { PendingPanel } from './PendingPanel';
import { CredentialTable } from './CredentialTable';
import { NoticeBar } from './NoticeBar';

export function CredentialsView(): ReactElement {
  const credentials = useStore((s) => s.credentials);
  const status = useStore((s) => s.credentialsStatus);
  const pasting = useStore((s) => s.pasting);
  const importing = useStore((s) => s.importingFile);
  const paste = useStore((s) => s.pasteFromClipboard);
  const importFile = useStore((s) => s.importFromFile);

  // Memoised: a new `active` array would re-render (and re-sort) the whole table.
  const pending = useMemo(() => credentials.filter((c) => c.status === 'pending'), [credentials]);
  const active = useMemo(() => credentials.filter((c) => c.status === 'active'), [credentials]);
  const firstLoad = status === 'idle' || (status === 'loading' && credentials.length === 0);

  return (
    <section className="screen" aria-labelledby="credentials-title">
      <div className="screen-header">
        <div>
          <h1 id="credentials-title">Credentials</h1>
          <p className="screen-subtitle">Clover and Square credentials stored in your OS keychain. Values never leave the main process.</p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Add credentials">
          <button type="button" className="button button-primary" onClick={() => void paste()} disabled={pasting} aria-busy={pasting}>
            <Icon name="clipboard" />
            {pasting ? 'Reading clipboard…' : 'Paste from clipboard'}
          </button>
          <button type="button" className="button" onClick={() => void importFile()} disabled={importing} aria-busy={importing}>
            <Icon name="file" />
            {importing ? 'Importing…' : 'Import file'}
          </button>
        </div>
      </div>

      <NoticeBar />

      {pending.length > 0 ? <PendingPanel pending={pending} /> : null}

      {firstLoad ? (
        <div className="loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          Loading credentials…
        </div>
      ) : status === 'error' && credentials.length === 0 ? (
        <div className="empty">
          <h2>Could not load credentials</h2>
          <p>See the message above. Your credentials are still in the keychain.</p>
          <button type="button" className="button" onClick={() => void useStore.getState().loadCredentials()}>
            Try again
          </button>
        </div>
      ) : active.length === 0 && pending.length === 0 ? (
        <EmptyState />
      ) : active.length === 0 ? (
        <p className="muted table-placeholder">Confirmed credentials will be listed here.</p>
      ) : (
        <CredentialTable credentials={active} />
      )}
    </section>
  );
}

function EmptyState(): ReactElement {
  return (
    <div className="empty" aria-labelledby="empty-title">
      <span className="empty-icon" aria-hidden="true">
        <Icon name="key" size={28} />
      </span>
      <h2 id="empty-title">No credentials yet</h2>
      <ol className="empty-steps">
        <li>
          Copy a Clover or Square credential — an access token, app secret, PAKMS key… — then choose <strong>Paste from clipboard</strong>.
          Merchant Keychain reads the clipboard itself, stores the value in your OS keychain and clears the clipboard.
        </li>
        <li>
          Or choose <strong>Import file</strong> to read a <code>.env</code> or JSON file with keys such as <code>SQUARE_ACCESS_TOKEN</code> or{' '}
          <code>CLOVER_APP_SECRET</code>.
        </li>
        <li>Check what was detected (provider, kind, sandbox or production) and confirm.</li>
      </ol>
    </div>
  );
}
