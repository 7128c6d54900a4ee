// Settings: how long a copied secret stays on the clipboard (main enforces the range too), and
// what main says about itself. App-wide preferences of later screens go here as well.
import { useState, type FormEvent, type ReactElement } from 'react';
import { CLIPBOARD_CLEAR_SECONDS, type KeychainState } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import { useWriteLock } from '../../app/writeLock';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Status';
import './settings.css';

const CLEAR_MIN = CLIPBOARD_CLEAR_SECONDS.min;
const CLEAR_MAX = CLIPBOARD_CLEAR_SECONDS.max;
const KEYCHAIN_STATE_TEXT: Record<KeychainState, string> = {
  ok: 'Reachable',
  locked: 'Locked',
  unavailable: 'Not reachable',
  timeout: 'Not answering',
};

export function SettingsView(): ReactElement {
  const settings = useStore((s) => s.settings);
  const status = useStore((s) => s.settingsStatus);
  const info = useStore((s) => s.appInfo);
  const save = useStore((s) => s.saveSettings);
  const lock = useWriteLock();

  // null = not edited: the field shows what main has (no effect copying props into state).
  const [edited, setDraft] = useState<string | null>(null);
  const draft = edited ?? (settings ? String(settings.clipboardClearSeconds) : '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(false);
    const n = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || !Number.isInteger(n) || n < CLEAR_MIN || n > CLEAR_MAX) {
      setError(`Enter a whole number of seconds from ${CLEAR_MIN} to ${CLEAR_MAX}.`);
      return;
    }
    setError(null);
    if (await save({ clipboardClearSeconds: n })) {
      setSaved(true);
      setDraft(null);
    }
  }

  const dirty = settings !== null && draft.trim() !== String(settings.clipboardClearSeconds);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="screen-subtitle">Stored by the main process in the app’s data folder.</p>
        </div>
      </div>

      {settings === null ? (
        status === 'error' ? (
          <p className="muted">Settings could not be loaded. See the message above.</p>
        ) : (
          <Loading>Loading settings…</Loading>
        )
      ) : (
        <form
          className="panel settings-form"
          aria-labelledby="clipboard-settings-title"
          onSubmit={(e) => void onSubmit(e)}
          noValidate
        >
          <h2 id="clipboard-settings-title">Clipboard</h2>
          <div className="setting-row">
            <div className="setting-text">
              <label className="setting-label" htmlFor="clipboard-clear-seconds">
                Clear the clipboard after
              </label>
              <p className="setting-help" id="clipboard-clear-help">
                After you copy a secret, the clipboard is cleared this many seconds later — only if it still holds what
                was copied. Between {CLEAR_MIN} and {CLEAR_MAX} seconds.
              </p>
            </div>
            <div className="setting-control">
              <div className="input-with-unit">
                <input
                  id="clipboard-clear-seconds"
                  type="number"
                  inputMode="numeric"
                  min={CLEAR_MIN}
                  max={CLEAR_MAX}
                  step={1}
                  value={draft}
                  aria-describedby={error ? 'clipboard-clear-help clipboard-clear-error' : 'clipboard-clear-help'}
                  aria-invalid={error !== null}
                  onChange={(e) => {
                    setDraft(e.target.value);
                    setError(null);
                    setSaved(false);
                  }}
                />
                <span className="unit" aria-hidden="true">
                  seconds
                </span>
              </div>
              {error ? (
                <span className="field-error" id="clipboard-clear-error">
                  {error}
                </span>
              ) : null}
            </div>
          </div>
          <div className="form-actions">
            {saved && !dirty ? (
              <span className="saved" role="status">
                Saved
              </span>
            ) : null}
            {lock.reason ? <span className="muted">{lock.reason}</span> : null}
            {/* Focusable with nothing to save: after Save the focus stays here, next to "Saved". */}
            <Button
              type="submit"
              className="button button-primary"
              busy={status === 'saving'}
              unavailable={!dirty}
              disabled={lock.reason !== null}
              aria-describedby={lock.describedBy}
            >
              {status === 'saving' ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      )}

      {info ? (
        <section className="panel about" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          <dl className="about-list">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Platform</dt>
            <dd>{info.platform}</dd>
            <dt>Keychain service</dt>
            <dd className="mono">{info.keychain.service}</dd>
            <dt>Keychain</dt>
            <dd>{KEYCHAIN_STATE_TEXT[info.keychain.state]}</dd>
          </dl>
        </section>
      ) : null}
    </section>
  );
}
