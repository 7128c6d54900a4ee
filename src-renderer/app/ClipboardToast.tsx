// The clipboard toast: "Copied — clipboard clears in 30 s", counting down; then "Clipboard cleared".
import { useEffect, useState, type ReactElement } from 'react';
import { Toast } from '../ui/Toast';
import { releaseFocusFrom } from './focus';
import { useStore } from './store';

/** Dismisses the toast; focus inside it (its Dismiss button) goes to the screen, not <body>. */
function dismissToast(): void {
  releaseFocusFrom('.toast');
  useStore.getState().dismissToast();
}

const FORMAT_TEXT = { raw: 'value', env: 'env line', curl: 'curl command' } as const;

export function ClipboardToast(): ReactElement | null {
  const toast = useStore((s) => s.toast);
  const [now, setNow] = useState(() => Date.now());

  const counting = toast?.kind === 'copied';
  useEffect(() => {
    if (!counting) return;
    const tick = (): void => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [counting, toast]);

  // A "cleared" toast goes away by itself after a few seconds.
  useEffect(() => {
    if (toast?.kind !== 'cleared') return;
    const t = setTimeout(dismissToast, 4000);
    return () => clearTimeout(t);
  }, [toast]);

  if (!toast) return null;
  if (toast.kind === 'cleared') {
    const detail =
      toast.reason === 'quit'
        ? 'Cleared because the app is closing.'
        : 'The copied value is no longer on the clipboard.';
    return <Toast icon="check" title="Clipboard cleared" detail={detail} onDismiss={dismissToast} />;
  }
  const left = Math.max(0, Math.ceil((toast.clearsAt - now) / 1000));
  const what = toast.production ? 'PRODUCTION secret copied' : 'Copied';
  const title = left > 0 ? `${what} — clipboard clears in ${left} s` : `${what} — clearing the clipboard…`;
  const detail = `${toast.label ? `${toast.label}: ` : ''}${FORMAT_TEXT[toast.format]} copied to the clipboard.`;
  return <Toast icon="clipboard" title={title} detail={detail} onDismiss={dismissToast} />;
}
