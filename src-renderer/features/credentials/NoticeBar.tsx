// What the last import did: how many were found, which keys were skipped and why.
import type { ReactElement } from 'react';
import { releaseFocusFrom } from '../../app/focus';
import { useStore } from '../../app/store';
import { Banner } from '../../ui/Banner';

export function NoticeBar(): ReactElement | null {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <Banner
      tone="info"
      role="status"
      title={notice.message}
      onDismiss={() => {
        releaseFocusFrom('.banner');
        dismiss();
      }}
      dismissLabel="Dismiss notice"
    >
      {notice.details.length > 0 ? (
        <ul className="banner-list">
          {notice.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </Banner>
  );
}
