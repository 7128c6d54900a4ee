// An icon button in a table row's action column, named for screen readers "<action> <label>".
// `busy` (the row's action is running) keeps it focusable (see Button); `disabled` is a hard lock.
import type { ReactElement } from 'react';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';
import './row-button.css';

export function RowButton(props: {
  name: string;
  label: string;
  icon: IconName;
  danger?: boolean;
  disabled: boolean;
  busy?: boolean;
  /** Why it is disabled, when that is not obvious (shown as the tooltip). */
  reason?: string | null;
  onClick(): void;
}): ReactElement {
  return (
    <Button
      className={`icon-button row-button${props.danger ? ' row-button-danger' : ''}`}
      aria-label={`${props.name} ${props.label}`}
      title={props.reason ?? props.name}
      onClick={props.onClick}
      busy={props.busy}
      disabled={props.disabled}
    >
      <Icon name={props.icon} />
    </Button>
  );
}
