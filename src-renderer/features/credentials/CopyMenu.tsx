// Copy a credential in one of three shapes. Main writes the clipboard and clears it later;
// the renderer only learns the format and after how many seconds it clears.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import type { CredentialView } from '../../../src-main/ipc/contract';
import { useStore } from '../../app/store';
import type { CopyFormat } from '../../app/appSlice';
import { Icon } from '../../app/icons';

const OPTIONS: { format: CopyFormat; label: string; hint: string }[] = [
  { format: 'raw', label: 'Raw value', hint: 'Just the secret' },
  { format: 'env', label: 'Env line', hint: 'KEY=value for a .env file' },
  { format: 'curl', label: 'curl command', hint: 'A ready request with the header' },
];

/** Three items of two lines each, plus padding; used to decide whether to open upwards. */
const MENU_HEIGHT = 170;

export function CopyMenu({ credential }: { credential: CredentialView }): ReactElement {
  const copy = useStore((s) => s.copySecret);
  const busy = useStore((s) => s.busy[credential.id]);
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top?: number; bottom?: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = `copy-menu-${credential.id}`;

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const onDown = (e: MouseEvent): void => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    // The menu is fixed to the window: keep it next to its button when the page scrolls or resizes.
    const follow = (): void => place();
    document.addEventListener('mousedown', onDown);
    document.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open]);

  function place(): void {
    const r = button.current?.getBoundingClientRect();
    if (!r) return;
    const right = Math.max(8, window.innerWidth - r.right);
    // Open upwards when there is no room below (rows near the bottom of the window).
    setPos(r.bottom + MENU_HEIGHT + 12 > window.innerHeight ? { bottom: window.innerHeight - r.top + 4, right } : { top: r.bottom + 4, right });
  }

  function toggle(): void {
    if (open) return setOpen(false);
    place();
    setOpen(true);
  }

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>): void {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[(i + 1) % items.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  }

  async function choose(format: CopyFormat): Promise<void> {
    setOpen(false);
    button.current?.focus();
    await copy(credential.id, format);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button row-button copy-button"
        aria-label={`Copy ${credential.label}`}
        title="Copy…"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy !== undefined}
        onClick={toggle}
      >
        <Icon name="copy" />
        <span className="caret" aria-hidden="true" />
      </button>
      {/* In <body>, so no table cell (the sticky actions column) clips it or stacks it under the toast. */}
      {open
        ? createPortal(
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
                <button key={o.format} type="button" role="menuitem" className="menu-item" onClick={() => void choose(o.format)}>
                  <span className="menu-item-label">{o.label}</span>
                  <span className="menu-item-hint" aria-hidden="true">
                    {o.hint}
                  </span>
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
