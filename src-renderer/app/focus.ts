// Focus after an action: a slice names a target (requestFocus(FOCUS.pending(id))) and the
// component that owns it takes focus once it is on screen, then clears the request. So focus
// never falls back to <body> when the control that was used goes away.
import { useEffect, type RefObject } from 'react';
import { FOCUS } from './appSlice';
import { useStore } from './store';

export { FOCUS };

export function useFocusRequest(key: string, ref: RefObject<HTMLElement | null>): void {
  const asked = useStore((s) => s.focusRequest === key);
  useEffect(() => {
    if (!asked || !ref.current) return;
    ref.current.focus();
    useStore.getState().requestFocus(null);
  }, [asked, ref]);
}

/**
 * Call just before a banner, toast or panel matching `selector` goes away: if focus is inside it
 * (its Dismiss button was pressed), `then` (a FOCUS key; default the screen) takes it instead of <body>.
 */
export function releaseFocusFrom(selector: string, then: string = FOCUS.main): void {
  if (document.activeElement?.closest(selector)) useStore.getState().requestFocus(then);
}
