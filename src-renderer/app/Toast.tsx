import { useEffect, useState, type ReactElement } from 'react';
import { useStore } from './store';
import { Icon } from './icons';

const FORMAT_TEXT = { raw: 'value', env: 'env line', curl: 'curl command' } as const;

/** "Copied — clipboard clears in 30 s", counting down; then "Clipboard cleared". */
export function Toast(): ReactElement | null {
  const toast = useStore((s) => s.toast);
  const dismiss = useStore((s) => s.dismissToast);
  const [now, setNow] = useState(() => Date.now());

  const counting = toast?.kind === 'copied';
  useEffect(() => {
    if (!counting) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [counting, toast]);

  // A "cleared" toast goes away by itself after a few seconds.
  useEffect(() => {
    if (toast?.kind !== 'cleared') return;
    const t = setTimeout(dismiss, 4000);
    return () => clearTimeout(t);
  }, [toast, dismiss]);

  if (!toast) return null;

  let title: string;
  let detail: string | null = null;
  let icon: 'clipboard' | 'check' = 'clipboard';
  if (toast.kind === 'copied') {
    const left = Math.max(0, Math.ceil((toast.clearsAt - now) / 1000));
    title = left > 0 ? `Copied — clipboard clears in ${left} s` : 'Copied — clearing the clipboard…';
    detail = `${toast.label ? `${toast.label}: ` : ''}${FORMAT_TEXT[toast.format]} copied to the clipboard.`;
  } else {
    icon = 'check';
    title = 'Clipboard cleared';
    detail = toast.reason === 'quit' ? 'Cleared because the app is closing.' : 'The copied value is no longer on the clipboard.';
  }

  return (
    <div className="toast" role="status" aria-live="polite">
      <Icon name={icon} size={18} />
      <div className="toast-body">
        <p className="toast-title">{title}</p>
        {detail ? <p className="toast-detail">{detail}</p> : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={dismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
