// Credentials screen, as a user sees it: add by paste, import a file, rename, copy, delete,
// errors. Every action goes through the real core; the fake clipboard and dialog are main's.
import keytar from 'keytar';
import { isReservedAccount } from '../../src-main/vault/consistency';
import { test, expect } from './fixtures';
import { SAMPLE, credentialsTable, lastIpc, pendingCard, pendingPanel, row, seedCredential } from './helpers';

/** Keychain items that are credentials (the reserved value-hash key is not one). */
const credentialItems = async (service: string) =>
  (await keytar.findCredentials(service)).filter((c) => !isReservedAccount(c.account));

test.describe('credentials: empty state', () => {
  test('a new user is told how to add a credential, and there is no field to type a secret', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    await expect(page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
    await expect(page.getByText(/choose Paste from clipboard/)).toBeVisible();
    await expect(page.getByRole('toolbar', { name: 'Add credentials' }).getByRole('button')).toHaveText([
      'Paste from clipboard',
      'Import file',
    ]);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await mk.screenshot('credentials-empty');
  });
});

test.describe('credentials: add by paste', () => {
  test('paste, correct the proposal, confirm: main read and cleared the clipboard', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = `  ${SAMPLE.squareToken}\n`;
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();

    const card = pendingCard(mk, /^Square access token/);
    await expect(pendingPanel(mk)).toBeVisible();
    await expect(card).toContainText('Observed format');
    await expect(card).toContainText('Detected: Square access token, environment unknown.');
    await expect(card).toContainText('sandbox and production look alike');
    await expect(card.getByRole('combobox', { name: 'Provider' })).toHaveValue('square');
    await expect(card.getByRole('combobox', { name: 'Kind' })).toHaveValue('access_token');
    await expect(card.getByRole('combobox', { name: 'Environment' })).toHaveValue('');
    await expect(page.getByText('Read one value from the clipboard and cleared the clipboard.')).toBeVisible();
    expect(mk.clipboard.text, 'main cleared the clipboard after reading it').toBe('');
    await mk.screenshot('credentials-pending-confirm');

    // Confirm without an environment is refused in the form, before anything is sent.
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect(card.getByText('Choose sandbox or production.')).toBeVisible();
    expect(mk.ipc.some((r) => r.channel === 'credentials.confirm')).toBe(false);

    await card.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await card.getByRole('textbox', { name: 'Label' }).fill('Payments sandbox token');
    await card.getByRole('button', { name: 'Confirm' }).click();

    await expect(pendingPanel(mk)).toHaveCount(0);
    const r = row(mk, 'Payments sandbox token');
    await expect(r.getByRole('cell')).toHaveText([
      'Active', // right after the label, so nothing covers it
      'Unchecked', // no inspection ran yet
      'SquareAccess token',
      'Sandbox',
      /^EAAA…GHIJ · [0-9a-f]{4}$/,
      '—', // Added is hidden below 1400 px so Expires stays clear of the actions
      '',
    ]);
    await expect(r.getByRole('button')).toHaveCount(4);
    for (const name of ['Details', 'Rename', 'Copy', 'Delete']) {
      await expect(r.getByRole('button', { name: `${name} Payments sandbox token` })).toBeVisible();
    }
    expect(lastIpc(mk, 'credentials.confirm').payload).toMatchObject({
      provider: 'square',
      kind: 'access_token',
      environment: 'sandbox',
      label: 'Payments sandbox token',
    });
  });

  test('a guess can be corrected: provider and kind lists follow each other', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = SAMPLE.cloverAppSecret;
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    const card = pendingCard(mk, /^Clover app secret/);
    await expect(card).toContainText('Best guess — please check');
    await card.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Access token' });
    await card.getByRole('combobox', { name: 'Environment' }).selectOption('production');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect(pendingPanel(mk)).toHaveCount(0);
    expect(lastIpc(mk, 'credentials.confirm').payload).toMatchObject({
      provider: 'clover',
      kind: 'access_token',
      environment: 'production',
    });
    const cells = credentialsTable(mk).getByRole('row').nth(1).getByRole('cell');
    await expect(cells.nth(2)).toHaveText('CloverAccess token');
    await expect(cells.nth(3)).toHaveText('Production');

    // Switching the provider offers that provider's kinds only.
    mk.clipboard.text = SAMPLE.cloverAppSecret.replace('1b77', '2c88');
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    const next = pendingCard(mk, /^Clover app secret/);
    await next.getByRole('combobox', { name: 'Provider' }).selectOption('square');
    await expect(next.getByRole('combobox', { name: 'Kind' }).getByRole('option')).toHaveText([
      'Application ID',
      'Application secret',
      'Access token',
      'Refresh token',
    ]);
    await expect(next.getByRole('combobox', { name: 'Kind' })).toHaveValue('application_id');
  });

  test('discarding a pending import deletes it from the keychain after a confirm step', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = SAMPLE.cloverPakms;
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    const card = pendingCard(mk, /^Clover pakms key/);
    await card.getByRole('button', { name: 'Discard' }).click();
    await expect(card.getByText('Delete this value from the keychain?')).toBeVisible();
    await card.getByRole('button', { name: 'Keep' }).click();
    await card.getByRole('button', { name: 'Discard' }).click();
    await card.getByRole('button', { name: 'Yes, discard' }).click();
    await expect(pendingPanel(mk)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
    expect(await credentialItems(mk.service)).toEqual([]);
  });
});

test.describe('credentials: import a file', () => {
  test('a .env file with several keys becomes pending imports to confirm; unknown keys are listed', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    await mk.prepareImportFile(
      'payments.env',
      [
        '# sandbox keys for the payments team',
        `SQUARE_ACCESS_TOKEN=${SAMPLE.squareToken}`,
        `SQUARE_APPLICATION_ID=${SAMPLE.squareAppId}`,
        `SQUARE_APPLICATION_SECRET="${SAMPLE.squareAppSecret}"`,
        'SQUARE_ENVIRONMENT=sandbox',
        'SQUARE_LOCATION_ID=LXAMPLE123',
        `CLOVER_PAKMS_KEY=${SAMPLE.cloverPakms}`,
        'CLOVER_MERCHANT_ID=MXAMPLE12345A',
        'PAYMENTS_TEAM=blue',
        '',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Import file' }).click();

    await expect(
      page.getByText('Found 4 credentials from payments.env. Check the details below and confirm each one.'),
    ).toBeVisible();
    await expect(page.getByText('Skipped PAYMENTS_TEAM: not a key Merchant Keychain knows')).toBeVisible();
    const cards = pendingPanel(mk).getByRole('form');
    await expect(cards).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'Credentials 4 pending' })).toBeVisible();
    // SQUARE_ENVIRONMENT=sandbox was applied to the Square keys.
    await expect(pendingCard(mk, /^Square access token/).getByRole('combobox', { name: 'Environment' })).toHaveValue(
      'sandbox',
    );
    await mk.screenshot('credentials-import-pending');

    // The PAKMS key has no environment in the file: choose it, then confirm all four.
    await pendingCard(mk, /^Clover pakms key/)
      .getByRole('combobox', { name: 'Environment' })
      .selectOption('sandbox');
    for (let i = 0; i < 4; i++) {
      await cards.first().getByRole('button', { name: 'Confirm' }).click();
      await expect(cards).toHaveCount(3 - i);
    }
    await expect(credentialsTable(mk).getByRole('row')).toHaveCount(5); // header + 4
    await expect(credentialsTable(mk)).toContainText('Location LXAMPLE123');
    await expect(credentialsTable(mk)).toContainText('Merchant MXAMPLE12345A');
    await expect(credentialsTable(mk).getByText('Sandbox')).toHaveCount(4);
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await mk.screenshot('credentials-list');
  });

  test('cancelling the file dialog changes nothing', async ({ mk }) => {
    await mk.open();
    mk.setDialogFile(null);
    await mk.page.getByRole('button', { name: 'Import file' }).click();
    await expect(mk.page.getByRole('button', { name: 'Import file' })).toBeEnabled();
    expect(lastIpc(mk, 'credentials.importFromFile').response).toMatchObject({ ok: true, data: { cancelled: true } });
    await expect(mk.page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
    await expect(mk.page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('credentials: rename', () => {
  test('rename edits the label inline; Escape cancels, Enter saves', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Old label', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;

    await page.getByRole('button', { name: 'Rename Old label' }).click();
    const input = page.getByRole('textbox', { name: 'New label' });
    await expect(input).toBeFocused();
    await input.fill('Not saved');
    await input.press('Escape');
    await expect(row(mk, 'Old label')).toBeVisible();
    expect(mk.ipc.some((r) => r.channel === 'credentials.update')).toBe(false);

    await page.getByRole('button', { name: 'Rename Old label' }).click();
    await input.fill('   ');
    await input.press('Enter');
    await expect(page.getByText('Enter a label.')).toBeVisible();
    await input.fill('Checkout sandbox token');
    await mk.screenshot('credentials-rename');
    await input.press('Enter');
    await expect(row(mk, 'Checkout sandbox token')).toBeVisible();
    await expect(row(mk, 'Old label')).toHaveCount(0);
    expect(lastIpc(mk, 'credentials.update').payload).toEqual({
      id: expect.any(String),
      label: 'Checkout sandbox token',
    });

    // It is main's state, not only the screen's: a reload shows the new label.
    await page.reload();
    await expect(row(mk, 'Checkout sandbox token')).toBeVisible();
  });
});

test.describe('credentials: copy', () => {
  test('copy raw / env / curl: main writes the clipboard, the toast counts down', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout token', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    const copy = page.getByRole('button', { name: 'Copy Checkout token' });

    await copy.click();
    const menu = page.getByRole('menu', { name: 'Copy Checkout token as' });
    await expect(menu.getByRole('menuitem')).toHaveText([/^Raw value/, /^Env line/, /^curl command/]);
    await expect(menu.getByRole('menuitem', { name: 'Raw value' })).toBeFocused();
    await mk.screenshot('credentials-copy-menu');
    await menu.getByRole('menuitem', { name: 'Raw value' }).click();

    const toast = page.getByRole('status').filter({ hasText: 'Copied' });
    await expect(toast).toContainText('Copied — clipboard clears in 30 s');
    await expect(toast).toContainText('Checkout token: value copied to the clipboard.');
    expect(mk.clipboard.text).toBe(SAMPLE.squareToken);
    await mk.screenshot('credentials-copy-toast');
    await expect(toast).toContainText(/clears in (2\d) s/, { timeout: 3000 });

    await copy.click();
    await page.getByRole('menuitem', { name: 'Env line' }).click();
    await expect(toast).toContainText('env line copied');
    expect(mk.clipboard.text).toBe(`SQUARE_ACCESS_TOKEN=${SAMPLE.squareToken}`);

    await copy.click();
    await page.getByRole('menuitem', { name: 'curl command' }).click();
    await expect(toast).toContainText('curl command copied');
    expect(mk.clipboard.text).toContain('https://connect.squareupsandbox.com/v2/locations');
    expect(mk.clipboard.text).toContain(`Authorization: Bearer ${SAMPLE.squareToken}`);

    // The renderer was only told the format and the countdown.
    expect(lastIpc(mk, 'credentials.copySecret').response).toEqual({
      ok: true,
      data: { format: 'curl', clearsInSeconds: 30 },
    });
    await page.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(toast).toHaveCount(0);
  });

  test('a production secret: the first copy asks, Cancel copies nothing, then once confirmed the session does not ask again', async ({
    mk,
  }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Live token', environment: 'production' });
    await mk.open();
    const { page } = mk;
    const copy = page.getByRole('button', { name: 'Copy Live token' });
    await copy.click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Copy a PRODUCTION secret?' });
    await expect(dialog).toContainText('works on a live merchant');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(mk.ipc.filter((r) => r.channel === 'credentials.copySecret')).toHaveLength(0);
    expect(mk.clipboard.writes).toEqual([]);

    await copy.click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await dialog.getByRole('button', { name: 'Copy production secret' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'PRODUCTION secret copied' });
    await expect(toast).toBeVisible();
    expect(mk.clipboard.text).toBe(SAMPLE.squareToken);

    // Asked once: the next copy goes straight through, and still says PRODUCTION.
    await copy.click();
    await page.getByRole('menuitem', { name: 'Env line' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast).toContainText('env line copied');
    expect(mk.ipc.filter((r) => r.channel === 'credentials.copySecret')).toHaveLength(2);
  });

  test('the copy menu works from the keyboard and closes on Escape', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareAppSecret, { label: 'App secret', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    const copy = page.getByRole('button', { name: 'Copy App secret' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(copy).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Env line' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(mk.clipboard.text).toBe(`SQUARE_APPLICATION_SECRET=${SAMPLE.squareAppSecret}`);
  });
});

test.describe('credentials: delete', () => {
  test('delete asks first; Cancel keeps it, Delete removes it from the keychain', async ({ mk }) => {
    const seeded = await seedCredential(mk, SAMPLE.cloverPakms, { label: 'PAKMS sandbox', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;

    await page.getByRole('button', { name: 'Delete PAKMS sandbox' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete “PAKMS sandbox”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('removes the Clover pakms key (sandbox) from your OS keychain');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await mk.screenshot('credentials-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row(mk, 'PAKMS sandbox')).toBeVisible();
    expect(mk.ipc.some((r) => r.channel === 'credentials.delete')).toBe(false);

    await page.getByRole('button', { name: 'Delete PAKMS sandbox' }).click();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete PAKMS sandbox' }).click();
    await dialog.getByRole('button', { name: 'Delete credential' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
    expect(lastIpc(mk, 'credentials.delete').payload).toEqual({ id: seeded.id });
    expect(await credentialItems(mk.service)).toEqual([]);
  });
});

test.describe('credentials: errors', () => {
  test('an error from main shows its message and hint in a dismissible banner', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    mk.clipboard.text = '';
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('There is nothing to import.');
    await expect(banner).toContainText('Copy the credential from the vendor dashboard first.');
    await expect(banner).toContainText('CLIPBOARD_EMPTY');
    await mk.screenshot('error-banner');
    await banner.getByRole('button', { name: 'Dismiss error' }).click();
    await expect(banner).toHaveCount(0);
  });

  test('copy as curl where there is no curl: the hint says what to do instead', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.cloverPakms, { label: 'PAKMS key', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    await page.getByRole('button', { name: 'Copy PAKMS key' }).click();
    await page.getByRole('menuitem', { name: 'curl command' }).click();
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('There is no curl command for a clover pakms key.');
    await expect(banner).toContainText('Copy the raw value or the env line instead.');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0);
    expect(mk.clipboard.text).toBe('');
  });

  test('a file that is not a credentials file is refused with a hint', async ({ mk }) => {
    await mk.open();
    await mk.prepareImportFile('notes.env', 'HELLO=world\n');
    await mk.page.getByRole('button', { name: 'Import file' }).click();
    const banner = mk.page.getByRole('alert');
    await expect(banner).toContainText('That file could not be imported: it has none of the known credential keys.');
    await expect(banner).toContainText('Use a .env file (KEY=value lines)');
    await expect(mk.page.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
  });
});

test.describe('credentials: long lists', () => {
  test('a long list is virtualised: the count is stated, only rows near the view are in the DOM, scrolling reaches the last', async ({
    mk,
  }) => {
    test.setTimeout(120_000);
    for (let i = 0; i < 160; i++) {
      const value = `EAAA${String(i).padStart(4, '0')}LongListToken0123456789abcdefXYZ`;
      await seedCredential(mk, value, { label: `Token ${String(i).padStart(3, '0')}`, environment: 'sandbox' });
    }
    await mk.open();
    const { page } = mk;
    const table = credentialsTable(mk);
    await expect(table).toHaveAttribute('aria-rowcount', '161');
    await expect(page.getByText('160 of 160')).toBeVisible();
    const rows = table.locator('tbody tr:not(.pad-row)');
    expect(await rows.count()).toBeLessThan(80);
    await expect(rows.first().getByRole('rowheader')).toHaveText('Token 159'); // newest first
    // The oldest row is not in the DOM until the table's own frame scrolls to the end.
    const oldest = table.getByRole('rowheader', { name: 'Token 000' });
    await expect(oldest).toHaveCount(0);
    await page.locator('.table-virtual').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(oldest).toBeAttached();
    await oldest.scrollIntoViewIfNeeded();
    await expect(oldest).toBeInViewport();
    await expect(page.getByText(/Show \d+ more/)).toHaveCount(0);
    await mk.screenshot('credentials-long-list-end');
  });
});
