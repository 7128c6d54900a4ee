import type { ReactElement } from 'react';
import { useStore } from './store';
import { Icon } from './icons';

/** The last error from main: its message and its hint (what the user can do about it). */
export function ErrorBanner(): ReactElement | null {
  const error = useStore((s) => s.error);
  const dismiss = useStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" aria-labelledby="error-banner-message">
      <Icon name="alert" size={18} />
      <div className="banner-body">
        <p className="banner-title" id="error-banner-message">
          {error.message}
        </p>
        {error.hint ? <p className="banner-hint">{error.hint}</p> : null}
        {error.fields.length > 0 ? <p className="banner-fields">Check: {error.fields.join(', ')}</p> : null}
      </div>
      <span className="banner-code" title="Error code">
        {error.code}
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss error" onClick={dismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
