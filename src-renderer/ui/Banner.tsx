// A message box in the page flow: an error, a warning, a notice or a success. Presentational only
// (no store): the app and the features decide what it says and which actions it offers.
import { useId, type ReactElement, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './banner.css';

export type BannerTone = 'error' | 'warn' | 'info' | 'ok';

const ICONS: Record<BannerTone, IconName> = { error: 'alert', warn: 'alert', info: 'info', ok: 'check' };

export interface BannerProps {
  tone: BannerTone;
  title: ReactNode;
  /** alert: interrupts (errors); status: polite; region: a persistent notice, named by its title. */
  role: 'alert' | 'status' | 'region';
  id?: string;
  icon?: IconName;
  children?: ReactNode;
  /** A short code in the corner (e.g. the error code), for support. */
  code?: string;
  actions?: ReactNode;
  onDismiss?(): void;
  dismissLabel?: string;
}

export function Banner(props: BannerProps): ReactElement {
  const titleId = useId();
  return (
    <div id={props.id} className={`banner banner-${props.tone}`} role={props.role} aria-labelledby={titleId}>
      <Icon name={props.icon ?? ICONS[props.tone]} size={18} />
      <div className="banner-body">
        <p className="banner-title" id={titleId}>
          {props.title}
        </p>
        {props.children}
        {props.actions ? <div className="banner-actions">{props.actions}</div> : null}
      </div>
      {props.code ? (
        <span className="banner-code" title="Error code">
          {props.code}
        </span>
      ) : null}
      {props.onDismiss ? (
        <button
          type="button"
          className="icon-button"
          aria-label={props.dismissLabel ?? 'Dismiss'}
          onClick={props.onDismiss}
        >
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}
