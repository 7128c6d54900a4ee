// A short-lived message in the corner (the clipboard countdown uses it). Presentational only.
import type { ReactElement } from 'react';
import { Icon, type IconName } from './Icon';
import './toast.css';

export function Toast(props: {
  icon: IconName;
  title: string;
  detail: string | null;
  onDismiss(): void;
}): ReactElement {
  return (
    <div className="toast" role="status" aria-live="polite">
      <Icon name={props.icon} size={18} />
      <div className="toast-body">
        <p className="toast-title">{props.title}</p>
        {props.detail ? <p className="toast-detail">{props.detail}</p> : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={props.onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
