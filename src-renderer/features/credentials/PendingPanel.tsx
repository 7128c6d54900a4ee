// Imports waiting for the user: main's proposal (provider / kind / environment, with its reason
// and confidence) pre-fills the form; the user corrects it and confirms, or discards (= delete).
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { CredentialView, Proposal } from '@shared/contract';
import type { ProviderKind } from '@shared/vocabulary';
import { ENVIRONMENTS, KINDS, PROVIDERS, type Environment, type Provider } from '../../lib/vocabulary';
import { useStore } from '../../app/store';
import { environmentLabel, kindLabel, providerLabel } from '../../lib/format';

const CONFIDENCE_TEXT: Record<Proposal['confidence'], string> = {
  documented: 'Documented format',
  observed: 'Observed format',
  guess: 'Best guess — please check',
};

export function PendingPanel({ pending }: { pending: CredentialView[] }): ReactElement {
  return (
    <section className="panel pending-panel" aria-labelledby="pending-title">
      <div className="panel-header">
        <h2 id="pending-title">Waiting for confirmation</h2>
        <span className="count-pill">{pending.length}</span>
      </div>
      <p className="panel-intro">
        These values are already in the keychain, marked pending. Check what was detected, correct it if needed, and confirm — or discard to delete
        them.
      </p>
      <div className="pending-list">
        {pending.map((c) => (
          <PendingCard key={c.id} credential={c} />
        ))}
      </div>
    </section>
  );
}

function PendingCard({ credential }: { credential: CredentialView }): ReactElement {
  const proposal = useStore((s) => s.proposals[credential.id]);
  const busy = useStore((s) => s.busy[credential.id]);
  const confirm = useStore((s) => s.confirmCredential);
  const discard = useStore((s) => s.discardPending);

  const [provider, setProvider] = useState<Provider>(proposal?.provider ?? credential.provider);
  const [kind, setKind] = useState<string>(proposal?.kind ?? credential.kind);
  const [environment, setEnvironment] = useState<Environment | ''>(proposal?.environment ?? credential.environment ?? '');
  const [label, setLabel] = useState(credential.label);
  const [touched, setTouched] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const id = useId();

  const kinds: readonly string[] = KINDS[provider];
  const labelError = label.trim().length === 0 ? 'Enter a label.' : label.trim().length > 80 ? 'Use at most 80 characters.' : null;
  const envError = environment === '' ? 'Choose sandbox or production.' : null;
  const valid = labelError === null && envError === null && kinds.includes(kind);

  function onProvider(next: Provider): void {
    setProvider(next);
    const nextKinds: readonly string[] = KINDS[next];
    if (!nextKinds.includes(kind)) setKind(nextKinds[0] ?? '');
  }

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setTouched(true);
    if (!valid || environment === '') return;
    const pair = (provider === 'clover' ? { provider, kind } : { provider, kind }) as ProviderKind;
    await confirm({ id: credential.id, ...pair, environment, label: label.trim() });
  }

  const titleId = `${id}-title`;
  return (
    <form className="pending-card" aria-labelledby={titleId} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="pending-head">
        <div>
          <h3 id={titleId}>{credential.label}</h3>
          <p className="pending-meta">
            <span className="mono">{credential.fingerprint}</span>
            <span className="source-tag">{credential.source === 'clipboard' ? 'Pasted from clipboard' : 'Imported from file'}</span>
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
            {proposal.environment ? `, ${environmentLabel(proposal.environment).toLowerCase()}` : ', environment unknown'}.{' '}
            {proposal.reason ? <span className="muted">{proposal.reason}</span> : null}
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
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
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
              maxLength={80}
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
            <button type="button" className="button button-ghost-danger" disabled={busy !== undefined} onClick={() => setConfirmingDiscard(true)}>
              Discard
            </button>
            <button type="submit" className="button button-primary" disabled={busy !== undefined}>
              {busy === 'confirm' ? 'Confirming…' : 'Confirm'}
            </button>
          </div>
        )}
      </div>
      {confirmingDiscard ? (
        <div className="inline-confirm" role="group" aria-label="Confirm discard">
          <span>Delete this value from the keychain?</span>
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the Discard button just went away */}
          <button type="button" className="button" autoFocus onClick={() => setConfirmingDiscard(false)}>
            Keep
          </button>
          <button type="button" className="button button-danger" disabled={busy !== undefined} onClick={() => void discard(credential.id)}>
            {busy === 'discard' ? 'Discarding…' : 'Yes, discard'}
          </button>
        </div>
      ) : null}
    </form>
  );
}
