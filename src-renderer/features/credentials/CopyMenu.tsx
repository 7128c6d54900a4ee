// Copy a credential in one of three shapes. Main writes the clipboard and clears it later;
// the renderer only learns the format and after how many seconds it clears.
//
// The table shows one of these per row, so the closed state is kept cheap: a button and one piece
// of state. The popup (its position, focus handling and document listeners) is a separate
// component, mounted only while the menu is open.
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import type { CredentialView } from '@shared/contract';
import type { CopyFormat } from '@shared/vocabulary';
import { useStore } from '../../app/store';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { overlayRoot } from '../../ui/overlay-root';
import './copy-menu.css';

const OPTIONS: { format: CopyFormat; label: string; hint: string }[] = [
  { format: 'raw', label: 'Raw value', hint: 'Just the secret' },
  { format: 'env', label: 'Env line', hint: 'KEY=value for a .env file' },
  { format: 'curl', label: 'curl command', hint: 'A ready request with the header' },
];

/** Three items of two lines each, plus padding; used to decide whether to open upwards. */
const MENU_HEIGHT = 170;

type MenuPosition = { top?: number; bottom?: number; right: number };

/** Where the menu goes for `button`: below it, or above when there is no room below. */
function placeFor(button: HTMLElement | null): MenuPosition | null {
  const r = button?.getBoundingClientRect();
  if (!r) return null;
  const right = Math.max(8, window.innerWidth - r.right);
  // Open upwards when there is no room below (rows near the bottom of the window).
  return r.bottom + MENU_HEIGHT + 12 > window.innerHeight
    ? { bottom: window.innerHeight - r.top + 4, right }
    : { top: r.bottom + 4, right };
}

/** `disabled`: the row is busy (the table passes it; CopyMenu does not subscribe to the store). The button
 * stays focusable meanwhile (ui/Button), so focus is still on it after a copy. */
export const CopyMenu = memo(function CopyMenu(props: { credential: CredentialView; disabled: boolean }): ReactElement {
  const { credential, disabled } = props;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = `copy-menu-${credential.id}`;
  const close = useCallback(() => setOpen(false), []);

  return (
    <>
      <Button
        ref={button}
        className="icon-button row-button copy-button"
        aria-label={`Copy ${credential.label}`}
        title="Copy…"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        busy={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="copy" />
        <span className="caret" aria-hidden="true" />
      </Button>
      {open ? <CopyMenuPopup credential={credential} menuId={menuId} button={button} onClose={close} /> : null}
    </>
  );
});

function CopyMenuPopup({
  credential,
  menuId,
  button,
  onClose,
}: {
  credential: CredentialView;
  menuId: string;
  button: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}): ReactElement {
  // Placed when it opens (the button is in the page by then), so the first frame is in place.
  const [pos, setPos] = useState<MenuPosition | null>(() => placeFor(button.current));
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const onDown = (e: MouseEvent): void => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) onClose();
    };
    // The menu is fixed to the window: keep it next to its button when the page scrolls or resizes.
    const follow = (): void => {
      const next = placeFor(button.current);
      if (next) setPos(next);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
    // Mounted only while open, with a stable onClose: set up once, torn down when it closes.
  }, [button, onClose]);

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>): void {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      button.current?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[(i + 1) % items.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') {
      onClose();
    }
  }

  async function choose(format: CopyFormat): Promise<void> {
    onClose();
    button.current?.focus();
    await useStore.getState().copySecret(credential.id, format);
  }

  // Out of the table, so no table cell (the sticky actions column) clips it or stacks it under the
  // toast; into <main>, so it is inside a landmark.
  return createPortal(
    <div
      ref={menu}
      id={menuId}
      className="menu"
      role="menu"
      aria-label={`Copy ${credential.label} as`}
      style={pos ?? undefined}
      onKeyDown={onMenuKey}
    >
      {OPTIONS.map((o) => (
        <button
          key={o.format}
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => void choose(o.format)}
        >
          <span className="menu-item-label">{o.label}</span>
          <span className="menu-item-hint" aria-hidden="true">
            {o.hint}
          </span>
        </button>
      ))}
    </div>,
    overlayRoot(),
  );
}
