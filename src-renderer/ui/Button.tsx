// A button that keeps keyboard focus while it cannot act. `busy` (its action is running) and
// `unavailable` (nothing to do yet, e.g. Save with no change) set aria-disabled and ignore clicks
// instead of setting `disabled`: Chromium moves focus to <body> when a focused button becomes
// disabled, so pressing Paste, Save or Confirm would lose the user's place. `disabled` stays for a
// hard lock (the read-only index), where the control is meant to be out of the tab order.
import type { ButtonHTMLAttributes, ReactElement, Ref } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy?: boolean;
  unavailable?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  busy = false,
  unavailable = false,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps): ReactElement {
  const off = busy || unavailable;
  return (
    <button
      {...rest}
      type={type}
      aria-disabled={off || undefined}
      aria-busy={busy || undefined}
      onClick={(e) => {
        // Also keeps a submit button from submitting its form.
        if (off) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
