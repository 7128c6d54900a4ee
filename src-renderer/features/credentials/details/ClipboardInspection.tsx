// "Inspect clipboard…": main read a token from the clipboard, asked the vendor about it and stored
// nothing. Shows what it is, who it belongs to and when it expires.
import { useEffect, useRef, type ReactElement } from 'react';
import { FOCUS } from '../../../app/appSlice';
import { useStore } from '../../../app/store';
import { environmentLabel, kindLabel, providerLabel } from '../../../lib/format';
import { Icon } from '../../../ui/Icon';
import { InspectionReport } from './InspectionReport';

export function ClipboardInspection(): ReactElement | null {
  const answer = useStore((s) => s.clipboardInspection);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (answer) heading.current?.focus();
  }, [answer]);
  if (!answer) return null;
  const { proposal: p } = answer;

  function close(): void {
    useStore.getState().dismissClipboardInspection();
    useStore.getState().requestFocus(FOCUS.main);
  }

  return (
    <section className="details-panel clipboard-inspection" aria-labelledby="clipboard-inspection-title">
      <div className="details-head">
        <h2 id="clipboard-inspection-title" ref={heading} tabIndex={-1}>
          Inspected from the clipboard — nothing was saved
        </h2>
        <button type="button" className="icon-button" aria-label="Close inspection" title="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </div>
      <p>
        {providerLabel(p.provider)} {kindLabel(p.kind).toLowerCase()}
        {p.environment ? ` · ${environmentLabel(p.environment)}` : ''} · fingerprint{' '}
        <span className="mono">{answer.fingerprint}</span>. The value stayed on your clipboard and is not stored here.
      </p>
      <InspectionReport result={answer.result} />
    </section>
  );
}
