// @vitest-environment happy-dom
// Credentials screen against a fake window.keychain: what is shown, what is sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { App } from '../../../src-renderer/app/App';
import { resetStore, useStore } from '../../../src-renderer/app/store';
import {
  click,
  credential,
  fail,
  fill,
  getByRole,
  installFakeKeychain,
  press,
  queryAllByRole,
  removeFakeKeychain,
  render,
  text,
  unmount,
  type FakeKeychain,
} from './harness';

let fake: FakeKeychain;

beforeEach(() => {
  resetStore();
});
afterEach(async () => {
  vi.useRealTimers();
  await unmount();
  removeFakeKeychain();
});

describe('credentials list', () => {
  it('a long list is virtualised (only rows near the view are in the DOM), states the full count and filters', async () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      credential({
        label: i === 42 ? 'Checkout token' : `Token ${i}`,
        addedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    fake = installFakeKeychain({ credentials: many });
    await render(App);
    const table = getByRole('table', 'Credentials');
    const bodyRows = () => [...table.querySelectorAll('tbody tr:not(.pad-row)')];
    expect(table.getAttribute('aria-rowcount')).toBe('251');
    expect(bodyRows().length).toBeGreaterThan(0);
    expect(bodyRows().length).toBeLessThan(100); // no "Show more": the rest are rendered as they scroll in
    expect(text(bodyRows()[0]!)).toContain('Token 249'); // newest first
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(text()).toContain('250 of 250');
    await fill(getByRole('textbox', 'Search credentials'), 'checkout');
    expect(text()).toContain('1 of 250');
    expect(bodyRows().map((r) => text(r.querySelector('th')!))).toEqual(['Checkout token']);
  }, 20_000); // 250 credentials in happy-dom on a busy 2-core machine

  it('renders active credentials in the table and pending ones in the confirm panel', async () => {
    fake = installFakeKeychain({
      credentials: [
        credential({ label: 'Checkout token', environment: 'sandbox', merchantId: 'MERCHANT12345' }),
        credential({
          label: 'Live secret',
          provider: 'clover',
          kind: 'app_secret',
          environment: 'production',
          expiresAt: '2000-01-01T00:00:00.000Z',
          expiry: 'expired', // main's verdict; the renderer does no date arithmetic
        }),
        credential({ label: 'Waiting one', status: 'pending', environment: null }),
      ],
    });
    await render(App);

    const table = getByRole('table', 'Credentials');
    const rows = queryAllByRole('row', undefined, table.querySelector('tbody')!);
    expect(rows).toHaveLength(2);
    expect(text(table)).toContain('Checkout token');
    expect(text(table)).toContain('Merchant MERCHANT12345');
    expect(text(table)).toContain('Live secret');
    expect(text(table)).toContain('Production');
    expect(text(table)).toContain('Expired');
    expect(text(table)).not.toContain('Waiting one');
    expect(table.querySelector('.fingerprint')?.textContent).toMatch(/^EAAA…\d{4} · ab\d\d$/);

    const panel = getByRole('form', /^Waiting one/);
    expect(getByRole('combobox', 'Environment', panel)).toHaveProperty('value', '');
    expect(text(getByRole('button', /^Credentials/))).toContain('1');
  });

  it('shows an empty state that tells a new user what to do', async () => {
    fake = installFakeKeychain();
    await render(App);
    expect(text()).toContain('No credentials yet');
    expect(text()).toContain('choose Paste from clipboard');
    expect(document.querySelectorAll('input')).toHaveLength(0);
  });

  it('shows a loading state until the list arrives', async () => {
    fake = installFakeKeychain();
    let release!: () => void;
    fake.api.listCredentials.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve({ ok: true, data: { items: [] } }))),
    );
    await render(App);
    expect(text()).toContain('Loading credentials…');
    release();
    await click(document.body); // flushes
    expect(text()).toContain('No credentials yet');
  });

  it('reloads the list when main says credentials changed', async () => {
    fake = installFakeKeychain();
    await render(App);
    fake.credentials.push(credential({ label: 'Added elsewhere' }));
    fake.emit('credentials.changed', { ids: [] });
    await click(document.body);
    expect(text(getByRole('table', 'Credentials'))).toContain('Added elsewhere');
  });
});

describe('confirm a pending import', () => {
  it('pre-fills from the proposal and sends the corrected values', async () => {
    fake = installFakeKeychain();
    await render(App);
    await click(getByRole('button', 'Paste from clipboard'));
    expect(fake.api.importFromClipboard).toHaveBeenCalledTimes(1);

    const card = getByRole('form', /^Credential \d+$/);
    expect(text(card)).toContain('Observed format');
    expect(text(card)).toContain('Starts with EAAA.');
    expect(getByRole('combobox', 'Provider', card)).toHaveProperty('value', 'square');
    expect(getByRole('combobox', 'Kind', card)).toHaveProperty('value', 'access_token');

    // Without an environment the form refuses, and sends nothing.
    await click(getByRole('button', 'Confirm', card));
    expect(text(card)).toContain('Choose sandbox or production.');
    expect(fake.api.confirmCredential).not.toHaveBeenCalled();

    await fill(getByRole('combobox', 'Provider', card), 'clover');
    expect(getByRole('combobox', 'Kind', card)).toHaveProperty('value', 'access_token'); // still valid for Clover
    await fill(getByRole('combobox', 'Kind', card), 'merchant_token');
    await fill(getByRole('combobox', 'Environment', card), 'production');
    await fill(getByRole('textbox', 'Label', card), '  Front desk token  ');
    await click(getByRole('button', 'Confirm', card));

    const id = useStore.getState().credentials[0]!.id;
    expect(fake.api.confirmCredential).toHaveBeenCalledWith({
      id,
      provider: 'clover',
      kind: 'merchant_token',
      environment: 'production',
      label: 'Front desk token',
    });
    expect(queryAllByRole('form', /^Credential/)).toHaveLength(0);
    expect(text(getByRole('table', 'Credentials'))).toContain('Front desk token');
  });

  it('switching provider to one without the kind picks that provider’s first kind', async () => {
    fake = installFakeKeychain();
    await render(App);
    await click(getByRole('button', 'Paste from clipboard'));
    const card = getByRole('form', /^Credential/);
    await fill(getByRole('combobox', 'Provider', card), 'clover');
    await fill(getByRole('combobox', 'Kind', card), 'pakms_key');
    await fill(getByRole('combobox', 'Provider', card), 'square');
    expect(getByRole('combobox', 'Kind', card)).toHaveProperty('value', 'application_id');
    const options = [...getByRole('combobox', 'Kind', card).querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Application ID', 'Application secret', 'Access token', 'Refresh token']);
  });

  it('discard asks first, then deletes', async () => {
    fake = installFakeKeychain({ credentials: [credential({ label: 'To discard', status: 'pending' })] });
    await render(App);
    const card = getByRole('form', 'To discard');
    await click(getByRole('button', 'Discard', card));
    expect(fake.api.deleteCredential).not.toHaveBeenCalled();
    await click(getByRole('button', 'Yes, discard', card));
    expect(fake.api.deleteCredential).toHaveBeenCalledWith(fake.api.deleteCredential.mock.calls[0]![0]);
    expect(queryAllByRole('form', 'To discard')).toHaveLength(0);
  });

  it('import from file lists what was skipped', async () => {
    fake = installFakeKeychain();
    const c = credential({ status: 'pending', source: 'file', label: 'From file' });
    fake.api.importFromFile.mockResolvedValueOnce({
      ok: true,
      data: {
        cancelled: false,
        fileName: 'team.env',
        pending: [
          {
            credential: c,
            proposal: {
              provider: 'square',
              kind: 'access_token',
              environment: 'sandbox',
              confidence: 'documented',
              reason: 'Named SQUARE_ACCESS_TOKEN.',
            },
          },
        ],
        skipped: [{ envName: 'OTHER', reason: 'not a key Merchant Keychain knows' }],
        skippedMore: 0,
      },
    });
    await render(App);
    await click(getByRole('button', 'Import file'));
    expect(text()).toContain('Found 1 credential from team.env.');
    expect(text()).toContain('Skipped OTHER: not a key Merchant Keychain knows');
    expect(getByRole('combobox', 'Environment', getByRole('form', 'From file'))).toHaveProperty('value', 'sandbox');
  });
});

describe('focus after an action whose control goes away', () => {
  it('confirm: the next card, then the new row; discard: the next card; delete: the next row, then the screen', async () => {
    fake = installFakeKeychain({
      credentials: [
        credential({ label: 'First', status: 'pending', environment: 'sandbox' }),
        credential({ label: 'Second', status: 'pending', environment: 'sandbox' }),
        credential({ label: 'Third', status: 'pending', environment: 'sandbox' }),
      ],
    });
    await render(App);
    await click(getByRole('button', 'Confirm', getByRole('form', 'First')));
    expect(document.activeElement).toBe(getByRole('form', 'Second').querySelector('h3'));
    await click(getByRole('button', 'Discard', getByRole('form', 'Second')));
    await click(getByRole('button', 'Yes, discard'));
    expect(document.activeElement).toBe(getByRole('form', 'Third').querySelector('h3'));
    await click(getByRole('button', 'Confirm', getByRole('form', 'Third')));
    expect(document.activeElement?.textContent).toBe('Third');
    expect(document.activeElement?.getAttribute('scope')).toBe('row');

    // Delete: the row next to it (here the only one left), and the screen after the last one.
    getByRole('button', 'Delete First').focus(); // as a real click would
    await click(getByRole('button', 'Delete First'));
    await click(getByRole('button', 'Delete credential'));
    expect(document.activeElement?.textContent).toBe('Third');
    expect(document.activeElement?.getAttribute('scope')).toBe('row');
    getByRole('button', 'Delete Third').focus();
    await click(getByRole('button', 'Delete Third'));
    await click(getByRole('button', 'Delete credential'));
    expect(document.activeElement?.id).toBe('main');
  });
});

describe('rename', () => {
  it('sends the trimmed label; Escape cancels without sending', async () => {
    const c = credential({ label: 'Old name' });
    fake = installFakeKeychain({ credentials: [c] });
    await render(App);

    await click(getByRole('button', 'Rename Old name'));
    await fill(getByRole('textbox', 'New label'), 'Not this');
    await press(getByRole('textbox', 'New label'), 'Escape');
    expect(queryAllByRole('textbox', 'New label')).toHaveLength(0);
    expect(fake.api.updateCredential).not.toHaveBeenCalled();

    await click(getByRole('button', 'Rename Old name'));
    await fill(getByRole('textbox', 'New label'), '');
    await click(getByRole('button', 'Save'));
    expect(text()).toContain('Enter a label.');
    expect(fake.api.updateCredential).not.toHaveBeenCalled();

    await fill(getByRole('textbox', 'New label'), '  New name ');
    await click(getByRole('button', 'Save'));
    expect(fake.api.updateCredential).toHaveBeenCalledWith({ id: c.id, label: 'New name' });
    expect(text(getByRole('table', 'Credentials'))).toContain('New name');
    expect(queryAllByRole('textbox', 'New label')).toHaveLength(0);
  });
});

describe('delete', () => {
  it('requires confirmation: Cancel sends nothing, Delete credential sends the id', async () => {
    const c = credential({ label: 'Doomed' });
    fake = installFakeKeychain({ credentials: [c] });
    await render(App);

    await click(getByRole('button', 'Delete Doomed'));
    const dialog = getByRole('alertdialog', 'Delete “Doomed”?');
    expect(text(dialog)).toContain('cannot be undone');
    expect(fake.api.deleteCredential).not.toHaveBeenCalled();
    await click(getByRole('button', 'Cancel', dialog));
    expect(queryAllByRole('alertdialog')).toHaveLength(0);
    expect(fake.api.deleteCredential).not.toHaveBeenCalled();

    await click(getByRole('button', 'Delete Doomed'));
    await press(getByRole('alertdialog'), 'Escape');
    expect(queryAllByRole('alertdialog')).toHaveLength(0);

    await click(getByRole('button', 'Delete Doomed'));
    await click(getByRole('button', 'Delete credential'));
    expect(fake.api.deleteCredential).toHaveBeenCalledWith(c.id);
    expect(queryAllByRole('alertdialog')).toHaveLength(0);
    expect(text()).toContain('No credentials yet');
  });
});

describe('copy', () => {
  it('asks main to copy and shows the countdown toast; a clear event updates it', async () => {
    // Only the countdown's clock is faked; promises and timeouts run normally.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const c = credential({ label: 'Copy me' });
    fake = installFakeKeychain({ credentials: [c] });
    await render(App);
    await click(getByRole('button', 'Copy Copy me'));
    expect(queryAllByRole('menuitem').map((m) => m.querySelector('.menu-item-label')?.textContent)).toEqual([
      'Raw value',
      'Env line',
      'curl command',
    ]);
    await click(getByRole('menuitem', /^Env line/));
    expect(fake.api.copySecret).toHaveBeenCalledWith(c.id, 'env');
    expect(text(getByRole('status', /Copied/))).toContain('Copied — clipboard clears in 30 s');
    expect(text()).toContain('Copy me: env line copied to the clipboard.');
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(text(getByRole('status', /Copied/))).toContain('Copied — clipboard clears in 28 s');

    fake.emit('clipboard.cleared', { reason: 'timeout' });
    await click(document.body);
    expect(text()).toContain('Clipboard cleared');
  });
});

describe('errors', () => {
  it('shows message and hint in a dismissible banner', async () => {
    fake = installFakeKeychain();
    fake.api.importFromClipboard.mockResolvedValueOnce(
      fail({
        code: 'KEYCHAIN_LOCKED',
        message: 'The keychain is locked.',
        hint: 'Unlock the "login" keyring and try again.',
      }),
    );
    await render(App);
    await click(getByRole('button', 'Paste from clipboard'));
    const banner = getByRole('alert');
    expect(text(banner)).toContain('The keychain is locked.');
    expect(text(banner)).toContain('Unlock the "login" keyring and try again.');
    expect(text(banner)).toContain('KEYCHAIN_LOCKED');
    await click(getByRole('button', 'Dismiss error'));
    expect(queryAllByRole('alert')).toHaveLength(0);
  });

  it('a transport failure becomes a generic error, never the exception text', async () => {
    fake = installFakeKeychain();
    fake.api.importFromClipboard.mockRejectedValueOnce(new Error('boom EAAAsomething-internal'));
    await render(App);
    await click(getByRole('button', 'Paste from clipboard'));
    expect(text(getByRole('alert'))).toContain('The main process did not answer.');
    expect(text()).not.toContain('EAAAsomething');
  });

  it('without window.keychain the app says so instead of crashing', async () => {
    removeFakeKeychain();
    await render(App);
    expect(text(queryAllByRole('alert')[0]!)).toContain('The keychain bridge is not available in this window.');
  });
});
