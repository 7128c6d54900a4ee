// The report of the last keychain check: which credentials lost their keychain item (named here
// and marked in the list), and which keychain items under our service no credential knows
// (orphans), each with Adopt (a pending credential again) and Delete (after a confirm step).
import { useRef, useState, type ReactElement } from 'react';
import type { ConsistencyReport, CredentialView } from '@shared/contract';
import { FOCUS, releaseFocusFrom, useFocusRequest } from '../../app/focus';
import { useStore } from '../../app/store';
import { useWriteLock, type WriteLock } from '../../app/writeLock';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { InlineConfirm } from '../../ui/InlineConfirm';
import './keychain-check.css';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function KeychainCheckPanel(): ReactElement | null {
  const report = useStore((s) => s.keychainCheck);
  const credentials = useStore((s) => s.credentials);
  const dismiss = useStore((s) => s.dismissKeychainCheck);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusRequest(FOCUS.keychainCheck, heading);
  if (!report) return null;

  const byId = new Map(credentials.map((c) => [c.id, c]));
  // Only credentials still listed: one deleted since the check is no longer missing anything.
  const missing = report.missingFromKeychain.flatMap((id) => byId.get(id) ?? []);
  const orphans = report.orphansInKeychain;
  const clean = report.keychainReachable && missing.length === 0 && orphans.length === 0;

  return (
    <section
      className={`panel keychain-check${clean ? ' keychain-check-clean' : ''}`}
      aria-labelledby="keychain-check-title"
    >
      <div className="panel-header">
        <Icon name={clean ? 'check' : 'alert'} size={16} />
        <h2 id="keychain-check-title" ref={heading} tabIndex={-1}>
          Keychain check
        </h2>
        <span className="keychain-check-time">checked at {formatTime(report.checkedAt)}</span>
        <button
          type="button"
          className="icon-button panel-close"
          aria-label="Hide keychain check"
          onClick={() => {
            releaseFocusFrom('.keychain-check', FOCUS.checkKeychainButton); // back to what opened it
            dismiss();
          }}
        >
          <Icon name="close" />
        </button>
      </div>
      <Summary report={report} missing={missing} />
      {missing.length > 0 ? <MissingList missing={missing} /> : null}
      {orphans.length > 0 ? <OrphanList orphans={orphans} /> : null}
    </section>
  );
}

function Summary({ report, missing }: { report: ConsistencyReport; missing: CredentialView[] }): ReactElement {
  if (!report.keychainReachable) {
    return (
      <p className="keychain-check-line">
        The keychain did not answer, so nothing could be compared. Unlock it (see the header) and check again.
      </p>
    );
  }
  const orphans = report.orphansInKeychain.length;
  return (
    <ul className="keychain-check-summary">
      <li>
        {missing.length === 0
          ? 'Every credential has its keychain item.'
          : `${count(missing.length, 'credential is', 'credentials are')} missing from the keychain. Copying fails ` +
            'for them; delete them and add the value again.'}
      </li>
      <li>
        {orphans === 0
          ? 'No keychain item is left without a credential.'
          : `${count(orphans, 'keychain item has', 'keychain items have')} no credential. Adopt one to check and ` +
            'confirm it again, or delete it.'}
      </li>
    </ul>
  );
}

function MissingList({ missing }: { missing: CredentialView[] }): ReactElement {
  return (
    <div className="keychain-check-group">
      <h3 id="missing-title">Missing from keychain</h3>
      <ul className="missing-list" aria-labelledby="missing-title">
        {missing.map((c) => (
          <li key={c.id}>
            <Icon name="unlink" size={14} />
            <span className="missing-label">{c.label}</span>
            <span className="mono muted">{c.fingerprint}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function OrphanList({ orphans }: { orphans: readonly string[] }): ReactElement {
  const lock = useWriteLock();
  return (
    <div className="keychain-check-group">
      <h3 id="orphans-title">Keychain items without a credential</h3>
      <ul className="orphan-list" aria-labelledby="orphans-title">
        {orphans.map((account) => (
          <OrphanRow key={account} account={account} lock={lock} />
        ))}
      </ul>
    </div>
  );
}

function OrphanRow({ account, lock }: { account: string; lock: WriteLock }): ReactElement {
  const busy = useStore((s) => s.orphanBusy[account]);
  const adopt = useStore((s) => s.adoptOrphan);
  const remove = useStore((s) => s.deleteOrphan);
  const [confirming, setConfirming] = useState(false);
  const adoptButton = useRef<HTMLButtonElement>(null);
  useFocusRequest(FOCUS.orphan(account), adoptButton);
  const blocked = busy !== undefined || lock.reason !== null;

  return (
    <li className="orphan-row" aria-busy={busy !== undefined}>
      <Icon name="key" size={14} />
      <span className="mono orphan-account" title="Keychain account name">
        {account}
      </span>
      {confirming ? (
        <InlineConfirm
          label={`Confirm delete ${account}`}
          question="Delete this keychain item? The value in it is gone for good."
          confirmLabel="Yes, delete"
          busyLabel="Deleting…"
          busy={busy === 'delete'}
          disabled={blocked}
          onKeep={() => setConfirming(false)}
          onConfirm={() => void remove(account)}
        />
      ) : (
        <div className="orphan-actions">
          <Button
            ref={adoptButton}
            className="button button-small"
            aria-label={`Adopt ${account}`}
            title={lock.reason ?? 'Make it a pending credential to check and confirm'}
            aria-describedby={lock.describedBy}
            busy={busy !== undefined}
            disabled={lock.reason !== null}
            onClick={() => void adopt(account)}
          >
            {busy === 'adopt' ? 'Adopting…' : 'Adopt'}
          </Button>
          <Button
            className="button button-small button-ghost-danger"
            aria-label={`Delete ${account}`}
            title={lock.reason ?? 'Delete it from the keychain'}
            aria-describedby={lock.describedBy}
            busy={busy !== undefined}
            disabled={lock.reason !== null}
            onClick={() => setConfirming(true)}
          >
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}
