// The last error from main: its message, its hint (what the user can do about it), the fields at
// fault, and an action when one helps (e.g. "Check keychain" after a missing keychain item).
import type { ReactElement } from 'react';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { releaseFocusFrom } from './focus';
import { useStore } from './store';

export function ErrorBanner(): ReactElement | null {
  const error = useStore((s) => s.error);
  const dismiss = useStore((s) => s.dismissError);
  const checking = useStore((s) => s.checkingKeychain);
  if (!error) return null;

  const actions =
    error.offer === 'check-keychain' ? (
      <Button
        className="button button-small"
        busy={checking}
        onClick={() => {
          dismiss();
          void useStore.getState().checkKeychain();
        }}
      >
        Check keychain
      </Button>
    ) : null;

  return (
    <Banner
      tone="error"
      role="alert"
      title={error.message}
      code={error.code}
      actions={actions}
      onDismiss={() => {
        releaseFocusFrom('.banner');
        dismiss();
      }}
      dismissLabel="Dismiss error"
    >
      {error.hint ? <p className="banner-hint">{error.hint}</p> : null}
      {error.fields.length > 0 ? <p className="banner-fields">Check: {error.fields.join(', ')}</p> : null}
    </Banner>
  );
}
