// The Credentials screen: toolbar (paste / import — there is no field to type a secret into — and
// the keychain check), notices, the keychain check report, the confirm panel for pending imports,
// and the table of active credentials. This folder owns everything on this screen.
import { useMemo, useRef, type ReactElement } from 'react';
import { FOCUS, useFocusRequest } from '../../app/focus';
import { useStore } from '../../app/store';
import { useWriteLock } from '../../app/writeLock';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Empty, Loading } from '../../ui/Status';
import { CredentialTable } from './CredentialTable';
import { ClipboardInspection } from './details/ClipboardInspection';
import { DetailsPanel } from './details/DetailsPanel';
import { ProductionCopyDialog } from './ProductionCopyDialog';
import { KeychainCheckPanel } from './KeychainCheckPanel';
import { NoticeBar } from './NoticeBar';
import { PendingPanel } from './PendingPanel';
import './credentials.css';

export function CredentialsView(): ReactElement {
  const credentials = useStore((s) => s.credentials);
  const status = useStore((s) => s.credentialsStatus);

  // Memoised: a new `active` array would re-render (and re-sort) the whole table.
  const pending = useMemo(() => credentials.filter((c) => c.status === 'pending'), [credentials]);
  const active = useMemo(() => credentials.filter((c) => c.status === 'active'), [credentials]);
  const firstLoad = status === 'idle' || (status === 'loading' && credentials.length === 0);

  return (
    <section className="screen" aria-labelledby="credentials-title">
      <div className="screen-header">
        <div>
          <h1 id="credentials-title">Credentials</h1>
          <p className="screen-subtitle">
            Clover and Square credentials stored in your OS keychain. Values never leave the main process.
          </p>
        </div>
        <Toolbar />
      </div>

      <NoticeBar />
      <KeychainCheckPanel />

      {pending.length > 0 ? <PendingPanel pending={pending} /> : null}

      <ClipboardInspection />
      <DetailsPanel />
      <ProductionCopyDialog />

      {firstLoad ? (
        <Loading>Loading credentials…</Loading>
      ) : status === 'error' && credentials.length === 0 ? (
        <Empty title="Could not load credentials">
          <p>See the message above. Your credentials are still in the keychain.</p>
          <button type="button" className="button" onClick={() => void useStore.getState().loadCredentials()}>
            Try again
          </button>
        </Empty>
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

function Toolbar(): ReactElement {
  const pasting = useStore((s) => s.pasting);
  const importing = useStore((s) => s.importingFile);
  const checking = useStore((s) => s.checkingKeychain);
  const paste = useStore((s) => s.pasteFromClipboard);
  const importFile = useStore((s) => s.importFromFile);
  const check = useStore((s) => s.checkKeychain);
  const inspectingClipboard = useStore((s) => s.inspectingClipboard);
  const lock = useWriteLock();
  const checkButton = useRef<HTMLButtonElement>(null);
  useFocusRequest(FOCUS.checkKeychainButton, checkButton);

  return (
    <div className="toolbars">
      <div className="toolbar" role="toolbar" aria-label="Add credentials">
        <Button
          className="button button-primary"
          onClick={() => void paste()}
          busy={pasting}
          disabled={lock.reason !== null}
          title={lock.reason ?? undefined}
          aria-describedby={lock.describedBy}
        >
          <Icon name="clipboard" />
          {pasting ? 'Reading clipboard…' : 'Paste from clipboard'}
        </Button>
        <Button
          className="button"
          onClick={() => void importFile()}
          busy={importing}
          disabled={lock.reason !== null}
          title={lock.reason ?? undefined}
          aria-describedby={lock.describedBy}
        >
          <Icon name="file" />
          {importing ? 'Importing…' : 'Import file'}
        </Button>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Inspect">
        <Button
          className="button"
          onClick={() => void useStore.getState().inspectClipboard()}
          busy={inspectingClipboard}
          title="Ask the vendor about a token on your clipboard without saving it"
        >
          <Icon name="search" />
          {inspectingClipboard ? 'Inspecting clipboard…' : 'Inspect clipboard'}
        </Button>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Keychain">
        <Button
          ref={checkButton}
          className="button"
          onClick={() => void check()}
          busy={checking}
          title="Compare the list with the items in your OS keychain"
        >
          <Icon name="search" />
          {checking ? 'Checking keychain…' : 'Check keychain'}
        </Button>
      </div>
      {lock.reason ? <p className="toolbar-note">{lock.reason}</p> : null}
    </div>
  );
}

function EmptyState(): ReactElement {
  return (
    <Empty icon="key" title="No credentials yet" titleId="empty-title">
      <ol className="empty-steps">
        <li>
          Copy a Clover or Square credential — an access token, app secret, PAKMS key… — then choose{' '}
          <strong>Paste from clipboard</strong>. Merchant Keychain reads the clipboard itself, stores the value in your
          OS keychain and clears the clipboard.
        </li>
        <li>
          Or choose <strong>Import file</strong> to read a <code>.env</code> or JSON file with keys such as{' '}
          <code>SQUARE_ACCESS_TOKEN</code> or <code>CLOVER_APP_SECRET</code>.
        </li>
        <li>Check what was detected (provider, kind, sandbox or production) and confirm.</li>
      </ol>
    </Empty>
  );
}
