// The menu as data: zoom in the packaged app (issue #10), developer items only in development.
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src-main/menu';

const roles = (items: { role?: string; submenu?: unknown }[]): string[] =>
  items.map((i) => i.role ?? '').filter(Boolean);
const viewOf = (packaged: boolean) =>
  menuTemplate(packaged, 'linux').find((m) => m.label === 'View')?.submenu as { role?: string; accelerator?: string }[];

describe('menuTemplate', () => {
  it('the packaged app keeps zoom (reset, in, out) but has no reload or DevTools', () => {
    const view = roles(viewOf(true));
    expect(view).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(view).not.toContain('toggleDevTools');
    expect(view).not.toContain('reload');
    expect(viewOf(true).some((i) => i.accelerator === 'CommandOrControl+=')).toBe(true);
  });

  it('development adds reload and DevTools', () => {
    expect(roles(viewOf(false))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('macOS gets the app menu first; every top-level item is a role or the View menu', () => {
    expect(menuTemplate(true, 'darwin')[0]).toEqual({ role: 'appMenu' });
    for (const item of menuTemplate(true, 'win32')) expect(item.role ?? item.label).toBeTruthy();
  });
});
