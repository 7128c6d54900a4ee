// Imports waiting for the user: main's proposal (provider / kind / environment, with its reason
// and confidence) pre-fills the form; the user corrects it and confirms, or discards (= delete).
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { CredentialView, Proposal } from '@shared/contract';
import {
  ENVIRONMENTS,
  isKindOf,
  KINDS,
  LABEL_MAX_LENGTH,
  PROVIDERS,
  type CredentialSource,
  type Environment,
  type Kind,
  type Provider,
  type ProviderKind,
} from '@shared/vocabulary';
import { FOCUS, useFocusRequest } from '../../app/focus';
import { useStore } from '../../app/store';
import { useWriteLock } from '../../app/writeLock';
import { environmentLabel, kindLabel, providerLabel } from '../../lib/format';
import { MissingBadge } from '../../ui/Badges';
import { Button } from '../../ui/Button';
import { InlineConfirm } from '../../ui/InlineConfirm';
import { useMissingIds } from './useMissingIds';
import './pending.css';

const CONFIDENCE_TEXT: Record<Proposal['confidence'], string> = {
  documented: 'Documented format',
  observed: 'Observed format',
  guess: 'Best guess — please check',
};

const SOURCE_TEXT: Record<CredentialSource, string> = {
  clipboard: 'Pasted from clipboard',
  file: 'Imported from file',
  keychain: 'Adopted from the keychain',
  oauth: 'Connected with OAuth',
};

/** The provider with one of its own kinds, or null when the kind is not that provider's. */
function pairOf(provider: Provider, kind: Kind): ProviderKind | null {
  if (provider === 'clover') return isKindOf('clover', kind) ? { provider, kind } : null;
  return isKindOf('square', kind) ? { provider, kind } : null;
}

export function PendingPanel({ pending }: { pending: CredentialView[] }): ReactElement {
  const missing = useMissingIds();
  return (
    <section className="panel pending-panel" aria-labelledby="pending-title">
      <div className="panel-header">
        <h2 id="pending-title">Waiting for confirmation</h2>
        <span className="count-pill">{pending.length}</span>
      </div>
      <p className="panel-intro">
        These values are already in the keychain, marked pending. Check what was detected, correct it if needed, and
        confirm — or discard to delete them.
      </p>
      <div className="pending-list">
        {pending.map((c) => (
          <PendingCard key={c.id} credential={c} missing={missing.has(c.id)} />
        ))}
      </div>
    </section>
  );
}

function PendingCard({ credential, missing }: { credential: CredentialView; missing: boolean }): ReactElement {
  const proposal = useStore((s) => s.proposals[credential.id]);
  const busy = useStore((s) => s.busy[credential.id]);
  const confirm = useStore((s) => s.confirmCredential);
  const discard = useStore((s) => s.discardPending);
  const lock = useWriteLock();

  const [provider, setProvider] = useState<Provider>(proposal?.provider ?? credential.provider);
  const [kind, setKind] = useState<Kind>(proposal?.kind ?? credential.kind);
  const [environment, setEnvironment] = useState<Environment | ''>(
    proposal?.environment ?? credential.environment ?? '',
  );
  const [label, setLabel] = useState(credential.label);
  const [touched, setTouched] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusRequest(FOCUS.pending(credential.id), heading);

  const kinds: readonly Kind[] = KINDS[provider];
  const labelError =
    label.trim().length === 0
      ? 'Enter a label.'
      : label.trim().length > LABEL_MAX_LENGTH
        ? `Use at most ${LABEL_MAX_LENGTH} characters.`
        : null;
  const envError = environment === '' ? 'Choose sandbox or production.' : null;
  const pair = pairOf(provider, kind);
  const blocked = busy !== undefined || lock.reason !== null;

  function onProvider(next: Provider): void {
    setProvider(next);
    const nextKinds: readonly Kind[] = KINDS[next];
    if (!nextKinds.includes(kind)) setKind(KINDS[next][0]);
  }

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setTouched(true);
    if (labelError !== null || environment === '' || pair === null) return;
    await confirm({ id: credential.id, ...pair, environment, label: label.trim() });
  }

  const titleId = `${id}-title`;
  return (
    <form className="pending-card" aria-labelledby={titleId} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="pending-head">
        <div>
          <h3 id={titleId} ref={heading} tabIndex={-1}>
            {credential.label}
          </h3>
          <p className="pending-meta">
            <span className="mono">{credential.fingerprint}</span>
            <span className="source-tag">{SOURCE_TEXT[credential.source]}</span>
            {missing ? <MissingBadge /> : null}
          </p>
        </div>
        {proposal ? (
          <span className={`confidence confidence-${proposal.confidence}`}>{CONFIDENCE_TEXT[proposal.confidence]}</span>
        ) : null}
      </div>
      <p className="pending-reason">
        {proposal ? (
          <>
            Detected: {providerLabel(proposal.provider)} {kindLabel(proposal.kind).toLowerCase()}
            {proposal.environment
              ? `, ${environmentLabel(proposal.environment).toLowerCase()}`
              : ', environment unknown'}
            . {proposal.reason ? <span className="muted">{proposal.reason}</span> : null}
          </>
        ) : (
          <span className="muted">The original detection is not available any more; check every field.</span>
        )}
      </p>
      <div className="pending-body">
        <div className="field-grid">
          <label className="field">
            <span className="field-label">Provider</span>
            <select value={provider} onChange={(e) => onProvider(e.target.value as Provider)}>
              {PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {providerLabel(p)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Environment</span>
            <select
              value={environment}
              onChange={(e) => setEnvironment(e.target.value as Environment | '')}
              aria-invalid={touched && envError !== null}
              aria-describedby={touched && envError ? `${id}-env-error` : undefined}
            >
              {environment === '' ? <option value="">Choose…</option> : null}
              {ENVIRONMENTS.map((env) => (
                <option key={env} value={env}>
                  {environmentLabel(env)}
                </option>
              ))}
            </select>
            {touched && envError ? (
              <span className="field-error" id={`${id}-env-error`}>
                {envError}
              </span>
            ) : null}
          </label>
          <label className="field field-wide">
            <span className="field-label">Label</span>
            <input
              type="text"
              value={label}
              maxLength={LABEL_MAX_LENGTH}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setLabel(e.target.value)}
              aria-invalid={touched && labelError !== null}
              aria-describedby={touched && labelError ? `${id}-label-error` : undefined}
            />
            {touched && labelError ? (
              <span className="field-error" id={`${id}-label-error`}>
                {labelError}
              </span>
            ) : null}
          </label>
        </div>
        {confirmingDiscard ? null : (
          <div className="pending-actions">
            <Button
              className="button button-ghost-danger"
              busy={busy !== undefined}
              disabled={lock.reason !== null}
              title={lock.reason ?? undefined}
              aria-describedby={lock.describedBy}
              onClick={() => setConfirmingDiscard(true)}
            >
              Discard
            </Button>
            <Button
              type="submit"
              className="button button-primary"
              busy={busy !== undefined}
              disabled={lock.reason !== null}
              title={lock.reason ?? undefined}
              aria-describedby={lock.describedBy}
            >
              {busy === 'confirm' ? 'Confirming…' : 'Confirm'}
            </Button>
          </div>
        )}
      </div>
      {confirmingDiscard ? (
        <InlineConfirm
          label="Confirm discard"
          question="Delete this value from the keychain?"
          confirmLabel="Yes, discard"
          busyLabel="Discarding…"
          busy={busy === 'discard'}
          disabled={blocked}
          onKeep={() => setConfirmingDiscard(false)}
          onConfirm={() => void discard(credential.id)}
        />
      ) : null}
    </form>
  );
}
