// @vitest-environment happy-dom
// Settings screen: the clipboard clear delay, validated before it is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { resetStore } from '../../../src-renderer/app/store';
import { click, fill, getByRole, installFakeKeychain, removeFakeKeychain, render, text, unmount } from './harness';

beforeEach(() => resetStore());
afterEach(async () => {
  await unmount();
  removeFakeKeychain();
});

describe('settings', () => {
  it('shows the current value, refuses out-of-range input, saves a valid one', async () => {
    const fake = installFakeKeychain();
    await render(App);
    await click(getByRole('button', 'Settings'));
    const input = getByRole('spinbutton', 'Clear the clipboard after') as HTMLInputElement;
    expect(input.value).toBe('30');
    // Nothing to save yet: said with aria-disabled, so the button keeps focus after a save.
    expect(getByRole('button', 'Save').getAttribute('aria-disabled')).toBe('true');

    for (const bad of ['4', '601', '12.5', 'abc']) {
      await fill(input, bad);
      await click(getByRole('button', 'Save'));
    }
    expect(text()).toContain('Enter a whole number of seconds from 5 to 600.');
    expect(fake.api.updateSettings).not.toHaveBeenCalled();

    await fill(input, '90');
    await click(getByRole('button', 'Save'));
    expect(fake.api.updateSettings).toHaveBeenCalledWith({ clipboardClearSeconds: 90 });
    expect(text()).toContain('Saved');
    expect(text()).toContain('merchant-keychain');
  });
});
