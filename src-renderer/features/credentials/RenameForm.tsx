// Inline edit of a credential's label: Enter saves, Escape cancels.
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { LABEL_MAX_LENGTH } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

export function RenameForm({ credential, onDone }: { credential: CredentialView; onDone(): void }): ReactElement {
  const rename = useStore((s) => s.renameCredential);
  const busy = useStore((s) => s.busy[credential.id]);
  const [label, setLabel] = useState(credential.label);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const next = label.trim();
    if (next.length === 0) return setError('Enter a label.');
    if (next.length > LABEL_MAX_LENGTH) return setError(`Use at most ${LABEL_MAX_LENGTH} characters.`);
    if (next === credential.label) return onDone();
    if (await rename(credential.id, next)) onDone();
  }

  const errorId = `rename-error-${credential.id}`;
  return (
    <form
      className="rename-form"
      aria-label={`Rename ${credential.label}`}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <input
        ref={input}
        type="text"
        value={label}
        maxLength={LABEL_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        aria-label="New label"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setLabel(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <Button
        type="submit"
        className="icon-button row-button rename-save"
        aria-label="Save"
        title="Save (Enter)"
        busy={busy === 'rename'}
      >
        <Icon name="check" />
      </Button>
      <button
        type="button"
        className="icon-button row-button"
        aria-label="Cancel"
        title="Cancel (Esc)"
        onClick={onDone}
      >
        <Icon name="close" />
      </button>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </form>
  );
}
