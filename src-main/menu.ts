// The application menu as data (tested in test/unit/menu.test.ts): role items only, nothing that
// loads remote content. The View menu is there in the packaged app too, so zoom works everywhere
// (Ctrl/Cmd +, -, 0); reload and DevTools only in development.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(isPackaged: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    // Ctrl/Cmd with the "=" key (no Shift) zooms in as well, as browsers do.
    { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
