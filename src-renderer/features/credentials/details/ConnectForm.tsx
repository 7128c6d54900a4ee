// Connect a sandbox merchant (Clover) or seller (Square) with this app: main opens the vendor's
// authorize page in the system browser (OAuth + PKCE), waits for the redirect on loopback, and
// saves the linked token pair. Clover's request names the App ID itself (not a secret); Square's
// names the stored application credential.
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CredentialView } from '@shared/contract';
import { useStore } from '../../../app/store';
import { Button } from '../../../ui/Button';

export function ConnectForm({ credential: c }: { credential: CredentialView }): ReactElement {
  const connecting = useStore((s) => s.connecting);
  const [appId, setAppId] = useState(c.appId ?? '');
  const sandbox = c.environment === 'sandbox';

  function submit(e: FormEvent): void {
    e.preventDefault();
    const s = useStore.getState();
    if (c.provider === 'clover') void s.connectClover(appId.trim());
    else void s.connectSquare(c.id);
  }

  return (
    <form className="connect-form" onSubmit={submit} aria-labelledby="connect-title">
      <h3 id="connect-title">Connect a sandbox {c.provider === 'clover' ? 'merchant' : 'seller'}</h3>
      {!sandbox ? (
        <p className="muted">Connecting is for sandbox apps only. Confirm this app as sandbox first.</p>
      ) : (
        <>
          <p className="muted">
            Your browser opens {c.provider === 'clover' ? "Clover's" : "Square's"} authorize page. Allow access there;
            the token pair is saved here and linked to this app.
          </p>
          {c.provider === 'clover' ? (
            <label className="field">
              <span className="field-label">Clover App ID</span>
              <input
                type="text"
                className="mono"
                value={appId}
                onChange={(e) => setAppId(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                required
              />
            </label>
          ) : null}
          <div className="toolbar">
            <Button type="submit" className="button button-primary" busy={connecting !== null}>
              {connecting ? 'Waiting for you to allow access in your browser…' : 'Connect in browser'}
            </Button>
            {connecting ? (
              <button type="button" className="button" onClick={() => void useStore.getState().cancelConnect()}>
                Cancel
              </button>
            ) : null}
          </div>
        </>
      )}
    </form>
  );
}
