// @vitest-environment happy-dom
// The route registry is the one place a screen is declared: the sidebar, the App switch and
// navigate() all follow it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { COMING_SOON, navigate, ROUTES, SCREENS } from '../../../src-renderer/app/routes';
import { resetStore, useStore } from '../../../src-renderer/app/store';
import {
  click,
  getByRole,
  installFakeKeychain,
  queryAllByRole,
  removeFakeKeychain,
  render,
  text,
  unmount,
} from './harness';

beforeEach(() => resetStore());
afterEach(async () => {
  await unmount();
  removeFakeKeychain();
});

describe('route registry', () => {
  it('every entry is a screen or coming soon, ids are unique', () => {
    expect(SCREENS.length + COMING_SOON.length).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(SCREENS.map((s) => s.id)).toEqual(['credentials', 'diagram', 'charges', 'requests', 'settings']);
    expect(COMING_SOON.map((s) => s.id)).toEqual(['expiry']);
  });

  it('the sidebar lists the screens, then the coming-soon entries disabled', async () => {
    installFakeKeychain();
    await render(App);
    const nav = document.querySelector('nav[aria-label="Main"]')!;
    const buttons = queryAllByRole('button', undefined, nav);
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? text(b.querySelector('.nav-label')!))).toEqual([
      ...SCREENS.map((s) => s.label),
      ...COMING_SOON.map((s) => `${s.label} (coming soon)`),
    ]);
    expect(buttons.map((b) => (b as HTMLButtonElement).disabled)).toEqual([
      ...SCREENS.map(() => false),
      ...COMING_SOON.map(() => true),
    ]);
  });

  it('each screen opens its view and loads what it shows on entering', async () => {
    const fake = installFakeKeychain();
    await render(App);
    for (const screen of SCREENS) {
      await click(getByRole('button', screen.label));
      expect(useStore.getState().route).toBe(screen.id);
      expect(text(getByRole('heading', screen.label))).toBe(screen.label);
      expect(getByRole('button', screen.label).getAttribute('aria-current')).toBe('page');
    }
    // start() loads credentials and settings once; each entry loads again (the charge lab too:
    // its credential picker).
    expect(fake.api.listCredentials).toHaveBeenCalledTimes(4);
    expect(fake.api.listCharges).toHaveBeenCalledTimes(1);
    expect(fake.api.keychainGraph).toHaveBeenCalledTimes(1);
    expect(fake.api.listRequests).toHaveBeenCalledTimes(1);
    expect(fake.api.getSettings).toHaveBeenCalledTimes(2);
  });

  it('navigate() outside the sidebar does the same', async () => {
    const fake = installFakeKeychain();
    await render(App);
    navigate('requests');
    await click(document.body);
    expect(text(getByRole('heading', 'Requests'))).toBe('Requests');
    expect(fake.api.listRequests).toHaveBeenCalled();
  });

  it('the sidebar count comes from the entry (pending credentials)', async () => {
    installFakeKeychain();
    await render(App);
    expect(document.querySelector('.nav-count')).toBeNull();
    await click(getByRole('button', 'Paste from clipboard'));
    expect(document.querySelector('.nav-count')?.getAttribute('aria-label')).toBe('1 pending');
  });
});
