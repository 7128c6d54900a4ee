// A second step in place, for an action that cannot be undone: the question, "Keep" (focused
// first, so Enter by reflex changes nothing) and the action.
import type { ReactElement } from 'react';
import { Button } from './Button';
import './dialog.css';

export function InlineConfirm(props: {
  /** Names the group for screen readers, e.g. "Confirm discard". */
  label: string;
  question: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  keepLabel?: string;
  onKeep(): void;
  onConfirm(): void;
}): ReactElement {
  return (
    <div className="inline-confirm" role="group" aria-label={props.label}>
      <span>{props.question}</span>
      {/* autoFocus: the button that opened this just went away */}
      <button type="button" className="button" autoFocus onClick={props.onKeep}>
        {props.keepLabel ?? 'Keep'}
      </button>
      <Button
        className="button button-danger"
        busy={props.busy}
        disabled={props.disabled === true && !props.busy}
        onClick={props.onConfirm}
      >
        {props.busy ? props.busyLabel : props.confirmLabel}
      </Button>
    </div>
  );
}
