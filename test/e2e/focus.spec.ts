// Focus after every action on today's screens, driven from the keyboard: it lands on the thing to
// act on next, or stays where it was, and never falls to <body> (where a screen reader user loses
// their place and the next Tab starts from the top).
import type { Locator, Page } from '@playwright/test';
import { test, expect, type MkApp } from './fixtures';
import { pendingCard, row, SAMPLE, seedCredential } from './helpers';

async function focusedTag(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document;
    return d.activeElement?.tagName.toLowerCase() ?? 'none';
  });
}

/** Focuses `target` and presses `key` on it, as a keyboard user would. */
async function press(target: Locator, key: string): Promise<void> {
  await target.focus();
  await target.press(key);
}

async function openWith(mk: MkApp, labels: string[]): Promise<void> {
  const values = [SAMPLE.squareToken, SAMPLE.cloverPakms, SAMPLE.squareAppSecret];
  for (const [i, label] of labels.entries()) {
    await seedCredential(mk, values[i]!, { label, environment: 'sandbox' });
  }
  await mk.open();
}

test.describe('focus after actions', () => {
  test('paste, import, confirm: focus goes to the card to check, then to the confirmed row', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = SAMPLE.squareToken;
    await press(page.getByRole('button', { name: 'Paste from clipboard' }), 'Enter');
    const card = pendingCard(mk, /Square access token/);
    await expect(card.getByRole('heading')).toBeFocused();

    // A cancelled import leaves focus on Import file (it was busy meanwhile, never disabled).
    mk.setDialogFile(null);
    const importButton = page.getByRole('button', { name: 'Import file' });
    await press(importButton, 'Enter');
    await expect.poll(() => mk.ipc.filter((r) => r.channel === 'credentials.importFromFile').length).toBe(1);
    await expect(importButton).toBeFocused();

    await mk.prepareImportFile('app.env', `CLOVER_PAKMS_KEY=${SAMPLE.cloverPakms}\n`);
    await press(importButton, 'Enter');
    const imported = pendingCard(mk, /Clover pakms key/i);
    await expect(imported.getByRole('heading')).toBeFocused();

    await imported.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await press(imported.getByRole('button', { name: 'Confirm' }), 'Enter');
    // The next card still waiting takes focus; after the last one, the row it became.
    await expect(card.getByRole('heading')).toBeFocused();
    await card.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await card.getByRole('textbox', { name: 'Label' }).fill('Pasted token');
    await press(card.getByRole('button', { name: 'Confirm' }), 'Enter');
    await expect(page.getByRole('rowheader', { name: /^Pasted token/ })).toBeFocused();
  });

  test('rename: Enter saves and Escape cancels, focus back on the row', async ({ mk }) => {
    await openWith(mk, ['First token']);
    const { page } = mk;
    await press(page.getByRole('button', { name: 'Rename First token' }), 'Enter');
    const input = page.getByRole('textbox', { name: 'New label' });
    await expect(input).toBeFocused();
    await input.press('Escape');
    await expect(page.getByRole('rowheader', { name: /^First token/ })).toBeFocused();

    await press(page.getByRole('button', { name: 'Rename First token' }), 'Enter');
    await input.fill('Renamed token');
    await input.press('Enter');
    await expect(page.getByRole('rowheader', { name: /^Renamed token/ })).toBeFocused();
    // The next Tab continues in that row: its first action (Details), then Rename.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Details Renamed token' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Rename Renamed token' })).toBeFocused();
  });

  test('delete: Cancel returns to Delete, a delete moves focus to the next row, the last one to the screen', async ({
    mk,
  }) => {
    await openWith(mk, ['Oldest', 'Middle', 'Newest']);
    const { page } = mk;
    const del = page.getByRole('button', { name: 'Delete Middle' });
    await press(del, 'Enter');
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(del).toBeFocused();

    await press(del, 'Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Delete credential
    await expect(row(mk, 'Middle')).toHaveCount(0);
    // Newest first: the row after "Middle" is "Oldest".
    await expect(page.getByRole('rowheader', { name: /^Oldest/ })).toBeFocused();

    for (const label of ['Oldest', 'Newest']) {
      await press(page.getByRole('button', { name: `Delete ${label}` }), 'Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(row(mk, label)).toHaveCount(0);
    }
    await expect(page.locator('main')).toBeFocused();
  });

  test('copy, the toast and the notices: dismissing one puts focus on the screen', async ({ mk }) => {
    await openWith(mk, ['Copy me']);
    const { page } = mk;
    const copy = page.getByRole('button', { name: 'Copy Copy me' });
    await press(copy, 'Enter');
    await page.keyboard.press('Enter'); // Raw value
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await expect(copy).toBeFocused();

    await press(page.getByRole('button', { name: 'Dismiss notification' }), 'Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0);
    await expect(page.locator('main')).toBeFocused();

    mk.clipboard.text = SAMPLE.squareAppSecret;
    await press(page.getByRole('button', { name: 'Paste from clipboard' }), 'Enter');
    await press(page.getByRole('button', { name: 'Dismiss notice' }), 'Enter');
    await expect(page.getByRole('button', { name: 'Dismiss notice' })).toHaveCount(0);
    await expect(page.locator('main')).toBeFocused();
  });

  test('keychain check: the report takes focus, hiding it returns to Check keychain', async ({ mk }) => {
    await openWith(mk, ['Checked token']);
    const { page } = mk;
    const check = page.getByRole('button', { name: 'Check keychain' });
    await press(check, 'Enter');
    await expect(page.getByRole('heading', { name: 'Keychain check' })).toBeFocused();
    await press(page.getByRole('button', { name: 'Hide keychain check' }), 'Enter');
    await expect(page.getByRole('heading', { name: 'Keychain check' })).toHaveCount(0);
    await expect(check).toBeFocused();
  });

  test('requests and settings: buttons keep focus while they work and after', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Requests' }).click();
    const check = page.getByRole('button', { name: 'Check connection' });
    await press(check, 'Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Square sandbox is reachable' })).toBeVisible();
    await expect(check).toBeFocused();
    const refresh = page.getByRole('button', { name: 'Refresh' });
    await press(refresh, 'Enter');
    await expect(page.getByRole('table', { name: 'Request log' })).toBeVisible();
    await expect(refresh).toBeFocused();

    await nav.getByRole('button', { name: 'Settings' }).click();
    const input = page.getByRole('spinbutton', { name: 'Clear the clipboard after' });
    await input.fill('45');
    const save = page.getByRole('button', { name: 'Save' });
    await press(save, 'Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    // Nothing left to save: the button says so (aria-disabled) but keeps focus.
    await expect(save).toBeDisabled();
    await expect(save).toBeFocused();
    expect(await focusedTag(page)).toBe('button');
  });
});
