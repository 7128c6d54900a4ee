// The keychain as it really is, on screen: orphans (adopt / delete), items removed outside the app,
// a keychain that refuses (header + Retry), a damaged or newer credentials.json, duplicate pastes.
// Every step goes through the real core and the private keyring; keytar is used directly only to
// do what another program (or a crash) would do to the keychain behind the app's back.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { test, expect, type MkApp } from './fixtures';
import { SAMPLE, credentialsTable, lastIpc, pendingCard, row, seedCredential } from './helpers';

/** Values no other test stores, with the documented shapes. */
const ORPHAN_SQUARE = 'EAAAOrphanedSandboxToken0123456789abcdefXYZ';
const ORPHAN_CLOVER = 'fedcba9876543210fedcba9876543210';

const checkReport = (mk: MkApp) => mk.page.getByRole('region', { name: 'Keychain check' });
const orphanList = (mk: MkApp) => mk.page.getByRole('list', { name: 'Keychain items without a credential' });
const keychainStatus = (mk: MkApp) => mk.page.getByRole('status', { name: /^Keychain / });

async function plantOrphan(mk: MkApp, value: string): Promise<string> {
  const account = randomUUID();
  await keytar.setPassword(mk.service, account, value);
  return account;
}

test.describe('keychain check: orphans', () => {
  test('Check keychain lists orphans; Adopt makes a pending credential to confirm; Delete asks, then removes', async ({
    mk,
  }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout sandbox token', environment: 'sandbox' });
    const adopted = await plantOrphan(mk, ORPHAN_SQUARE);
    const deleted = await plantOrphan(mk, ORPHAN_CLOVER);
    await mk.open();
    const { page } = mk;

    await page.getByRole('button', { name: 'Check keychain' }).click();
    await expect(checkReport(mk)).toContainText('Every credential has its keychain item.');
    await expect(checkReport(mk)).toContainText('2 keychain items have no credential.');
    await expect(orphanList(mk).getByRole('listitem')).toHaveCount(2);
    await expect(orphanList(mk)).toContainText(adopted);
    await expect(orphanList(mk)).toContainText(deleted);
    await expect(page.getByRole('heading', { name: 'Keychain check' })).toBeFocused();
    await mk.screenshot('keychain-check-orphans');

    // Adopt: main reads the value, classifies it, and it waits for confirmation like a paste.
    await page.getByRole('button', { name: `Adopt ${adopted}` }).click();
    const card = pendingCard(mk, /^Square access token/);
    await expect(card).toContainText('Adopted from the keychain');
    await expect(card).toContainText('Detected: Square access token');
    await expect(card.getByRole('heading')).toBeFocused();
    await expect(orphanList(mk)).not.toContainText(adopted);
    expect(lastIpc(mk, 'credentials.adoptOrphan').payload).toEqual({ account: adopted });
    await mk.screenshot('keychain-check-adopted');
    await card.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await card.getByRole('textbox', { name: 'Label' }).fill('Recovered sandbox token');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect(row(mk, 'Recovered sandbox token').getByRole('cell').nth(2)).toHaveText('SquareAccess token');
    // Same keychain item, now known to the index: a second check finds nothing to repair for it.
    expect(await keytar.getPassword(mk.service, adopted)).toBe(ORPHAN_SQUARE);

    // Delete: a confirm step first; Keep changes nothing.
    await page.getByRole('button', { name: `Delete ${deleted}` }).click();
    const step = page.getByRole('group', { name: `Confirm delete ${deleted}` });
    await expect(step).toContainText('gone for good');
    await expect(step.getByRole('button', { name: 'Keep' })).toBeFocused();
    await step.getByRole('button', { name: 'Keep' }).click();
    expect(mk.ipc.some((r) => r.channel === 'credentials.deleteOrphan')).toBe(false);
    await page.getByRole('button', { name: `Delete ${deleted}` }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(orphanList(mk)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Keychain check' })).toBeFocused();
    expect(await keytar.getPassword(mk.service, deleted)).toBeNull();

    await page.getByRole('button', { name: 'Check keychain' }).click();
    await expect(checkReport(mk)).toContainText('No keychain item is left without a credential.');
  });

  test('the whole orphan flow works from the keyboard alone', async ({ mk }) => {
    const first = await plantOrphan(mk, ORPHAN_SQUARE);
    const second = await plantOrphan(mk, ORPHAN_CLOVER);
    await mk.open();
    const { page } = mk;
    const kb = page.keyboard;

    await page.getByRole('button', { name: 'Check keychain' }).focus();
    await kb.press('Enter');
    await expect(page.getByRole('heading', { name: 'Keychain check' })).toBeFocused();
    await kb.press('Tab'); // Hide keychain check
    await expect(page.getByRole('button', { name: 'Hide keychain check' })).toBeFocused();
    await kb.press('Tab');
    const firstAdopt = page.getByRole('button', { name: /^Adopt / }).first();
    await expect(firstAdopt).toBeFocused();
    const firstAccount = ((await firstAdopt.getAttribute('aria-label')) ?? '').replace(/^Adopt /, '');
    // Main lists them in keychain order, so find out which one came first.
    expect([first, second]).toContain(firstAccount);
    const otherAccount = firstAccount === first ? second : first;

    // Delete the first with its confirm step: Enter, Tab to "Yes, delete", Enter.
    await kb.press('Tab');
    await expect(page.getByRole('button', { name: `Delete ${firstAccount}` })).toBeFocused();
    await kb.press('Enter');
    await expect(page.getByRole('button', { name: 'Keep' })).toBeFocused();
    await kb.press('Tab');
    await kb.press('Enter');
    // Focus moves to the next orphan's Adopt button.
    await expect(page.getByRole('button', { name: `Adopt ${otherAccount}` })).toBeFocused();
    expect(await keytar.getPassword(mk.service, firstAccount)).toBeNull();

    // Adopt the other one and confirm it: type-ahead in the select, type a label, Enter submits.
    await kb.press('Enter');
    const card = page.getByRole('form').first();
    await expect(card.getByRole('heading')).toBeFocused();
    await kb.press('Tab'); // Provider
    await kb.press('Tab'); // Kind
    await kb.press('Tab'); // Environment
    await expect(card.getByRole('combobox', { name: 'Environment' })).toBeFocused();
    await kb.type('s');
    await expect(card.getByRole('combobox', { name: 'Environment' })).not.toHaveValue('');
    await kb.press('Tab'); // Label
    await kb.press('ControlOrMeta+a');
    await kb.type('Keyboard adopted');
    await kb.press('Enter');
    await expect(page.getByRole('rowheader', { name: 'Keyboard adopted' })).toBeFocused();
    expect(await keytar.getPassword(mk.service, otherAccount)).not.toBeNull();
  });
});

test.describe('keychain check: items removed outside the app', () => {
  test('a credential whose keychain item is gone is marked missing; a failed copy offers the check', async ({ mk }) => {
    const gone = await seedCredential(mk, SAMPLE.squareToken, { label: 'Deleted elsewhere', environment: 'sandbox' });
    await seedCredential(mk, SAMPLE.cloverPakms, { label: 'Still here', environment: 'sandbox' });
    expect(await keytar.deletePassword(mk.service, gone.id)).toBe(true); // another program did this
    await mk.open();
    const { page } = mk;
    await expect(credentialsTable(mk)).not.toContainText('Missing from keychain');

    await row(mk, 'Deleted elsewhere').getByRole('button', { name: 'Copy Deleted elsewhere' }).click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('This credential is missing from the keychain.');
    await banner.getByRole('button', { name: 'Check keychain' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await expect(row(mk, 'Deleted elsewhere').getByRole('rowheader')).toHaveText(
      'Deleted elsewhereMissing from keychain',
    );
    await expect(row(mk, 'Deleted elsewhere').getByRole('cell').nth(0)).toHaveText('Active');
    await expect(row(mk, 'Still here')).not.toContainText('Missing from keychain');
    await expect(checkReport(mk)).toContainText('1 credential is missing from the keychain.');
    await expect(page.getByRole('list', { name: 'Missing from keychain' })).toContainText('Deleted elsewhere');
    expect(lastIpc(mk, 'credentials.checkConsistency').response).toMatchObject({
      ok: true,
      data: { missingFromKeychain: [gone.id], orphansInKeychain: [], keychainReachable: true },
    });
    await mk.screenshot('keychain-check-missing');

    // Deleting it resolves the mark.
    await page.getByRole('button', { name: 'Delete Deleted elsewhere' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete credential' }).click();
    await expect(row(mk, 'Deleted elsewhere')).toHaveCount(0);
    await expect(checkReport(mk)).toContainText('Every credential has its keychain item.');
  });
});

test.describe('keychain state in the header', () => {
  test('a locked keychain shows as locked, Retry asks again, and it recovers once it answers', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout sandbox token', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    await expect(keychainStatus(mk)).toHaveText('Keychain connected');
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);

    mk.keychain.fault = 'locked';
    await row(mk, 'Checkout sandbox token')
      .getByRole('button', { name: /^Copy / })
      .click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await expect(page.getByRole('alert')).toContainText('The keychain is locked.');
    await expect(page.getByRole('alert')).toContainText('Unlock the "login" keyring');
    await expect(keychainStatus(mk)).toHaveText('Keychain locked');
    expect(mk.events).toContainEqual({ event: 'keychain.changed', payload: { state: 'locked' } });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    await mk.screenshot('header-keychain-locked');

    // Retry while still locked: asked again (the switch was hit), still locked.
    const failed = mk.keychain.failedCalls;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(checkReport(mk)).toContainText('The keychain did not answer');
    expect(mk.keychain.failedCalls).toBeGreaterThan(failed);
    await expect(keychainStatus(mk)).toHaveText('Keychain locked');

    // Unlocked: Retry (from the keyboard) brings it back; focus is not lost.
    mk.keychain.fault = null;
    await page.getByRole('button', { name: 'Retry' }).focus();
    await page.keyboard.press('Enter');
    await expect(keychainStatus(mk)).toHaveText('Keychain connected');
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(page.locator('#main')).toBeFocused();
    await expect(checkReport(mk)).toContainText('Every credential has its keychain item.');
    await page.getByRole('button', { name: 'Dismiss error' }).click();
    await row(mk, 'Checkout sandbox token')
      .getByRole('button', { name: /^Copy / })
      .click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  });

  test('an unavailable keychain at start says so, and a paste that fails says the clipboard was cleared', async ({
    mk,
  }) => {
    mk.keychain.fault = 'unavailable';
    await mk.restartCore(); // the start-up check meets the unavailable keychain
    await mk.open();
    const { page } = mk;
    await expect(keychainStatus(mk)).toHaveText('Keychain unavailable');
    mk.clipboard.text = SAMPLE.squareToken;
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    await expect(page.getByRole('alert')).toContainText('The OS keychain is not available.');
    await expect(page.getByRole('alert')).toContainText('The clipboard was cleared.');
    expect(mk.clipboard.text).toBe('');
  });
});

test.describe('credentials index health', () => {
  test('starting on a damaged credentials.json: a notice names what was kept; set-aside entries come back as orphans', async ({
    mk,
  }) => {
    const kept = await seedCredential(mk, SAMPLE.squareToken, { label: 'Survivor', environment: 'sandbox' });
    const lost = await seedCredential(mk, SAMPLE.cloverPakms, { label: 'Damaged entry', environment: 'sandbox' });
    const file = path.join(mk.dataDir, 'credentials.json');
    const index = JSON.parse(await fs.readFile(file, 'utf8')) as { credentials: { id: string; label: string }[] };
    index.credentials.find((c) => c.id === lost.id)!.label = 'x'.repeat(81); // over the label limit
    await fs.writeFile(file, JSON.stringify(index));
    await mk.restartCore();
    await mk.open();
    const { page } = mk;

    const notice = page.getByRole('region', { name: 'The credentials index was damaged and has been recovered' });
    await expect(notice).toContainText('1 credential was kept; 1 entry could not be read and was set aside.');
    await expect(notice).toContainText('Nothing was deleted');
    await expect(notice.getByRole('listitem')).toHaveText([
      /^credentials\.json\.damaged-\d+$/,
      /^credentials\.json\.set-aside-\d+$/,
    ]);
    for (const name of await notice.getByRole('listitem').allTextContents()) {
      await expect(fs.stat(path.join(mk.dataDir, name))).resolves.toBeTruthy();
    }
    await expect(credentialsTable(mk).getByRole('row')).toHaveCount(2);
    await expect(row(mk, 'Survivor')).toBeVisible();
    await mk.screenshot('vault-recovered');

    // The lost entry's keychain item is still there: adopt it again.
    await page.getByRole('button', { name: 'Check keychain' }).click();
    await expect(orphanList(mk)).toContainText(lost.id);
    await page.getByRole('button', { name: `Adopt ${lost.id}` }).click();
    await expect(pendingCard(mk, /^Clover PAKMS key/i)).toContainText('Adopted from the keychain');
    expect(kept.id).not.toBe(lost.id);
  });

  test('a credentials.json from a newer version opens read-only: writes are turned off with the reason', async ({
    mk,
  }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'From the future', environment: 'sandbox' });
    const file = path.join(mk.dataDir, 'credentials.json');
    const index = JSON.parse(await fs.readFile(file, 'utf8')) as { version: number };
    index.version = 99;
    await fs.writeFile(file, JSON.stringify(index));
    await mk.restartCore();
    await mk.open();
    const { page } = mk;

    await expect(page.getByRole('region', { name: 'The credentials index is open read-only' })).toContainText(
      'written by a newer version',
    );
    for (const name of ['Paste from clipboard', 'Import file', 'Rename From the future', 'Delete From the future']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
      await expect(page.getByRole('button', { name })).toHaveAttribute('title', /^Turned off: the credentials index/);
    }
    await expect(page.getByText('Turned off: the credentials index is open read-only')).toBeVisible();
    await mk.screenshot('vault-read-only');
    // Reading still works.
    await row(mk, 'From the future')
      .getByRole('button', { name: /^Copy / })
      .click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(JSON.parse(await fs.readFile(file, 'utf8')).version).toBe(99); // never written back
  });
});

test.describe('duplicates', () => {
  test('pasting a value that is already stored says where, and stores nothing new', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout sandbox token', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = SAMPLE.squareToken;
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Already saved as "Checkout sandbox token".');
    await expect(alert).toContainText('The clipboard was cleared.');
    await expect(alert).toContainText('CONFLICT');
    expect(mk.clipboard.text).toBe('');
    await expect(page.getByRole('form')).toHaveCount(0);
    await expect(credentialsTable(mk).getByRole('row')).toHaveCount(2);
  });
});
