// Loading and empty states, shaped the same on every screen.
import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './status.css';

export function Loading({ children }: { children: ReactNode }): ReactElement {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {children}
    </div>
  );
}

export function Empty(props: { icon?: IconName; title: string; titleId?: string; children: ReactNode }): ReactElement {
  return (
    <div className="empty" aria-labelledby={props.titleId}>
      {props.icon ? (
        <span className="empty-icon" aria-hidden="true">
          <Icon name={props.icon} size={28} />
        </span>
      ) : null}
      <h2 id={props.titleId}>{props.title}</h2>
      {props.children}
    </div>
  );
}
