import type { ReactElement } from 'react';
import { useStore } from '../../app/store';
import { Icon } from '../../app/icons';

/** What the last import did (how many found, which keys were skipped and why). */
export function NoticeBar(): ReactElement | null {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="banner banner-info" role="status">
      <Icon name="info" size={18} />
      <div className="banner-body">
        <p className="banner-title">{notice.message}</p>
        {notice.details.length > 0 ? (
          <ul className="banner-list">
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={dismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
