// Focus after an action: a slice names a target (requestFocus(FOCUS.pending(id))) and the
// component that owns it takes focus once it is on screen, then clears the request. So focus
// never falls back to <body> when the control that was used goes away.
import { useEffect, type RefObject } from 'react';
import { useStore } from './store';

export { FOCUS } from './appSlice';

export function useFocusRequest(key: string, ref: RefObject<HTMLElement | null>): void {
  const asked = useStore((s) => s.focusRequest === key);
  useEffect(() => {
    if (!asked || !ref.current) return;
    ref.current.focus();
    useStore.getState().requestFocus(null);
  }, [asked, ref]);
}
