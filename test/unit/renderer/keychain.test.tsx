// @vitest-environment happy-dom
// Honest keychain state on the screen: the header follows what the last keychain call found, the
// keychain check marks missing items and lists orphans (adopt / delete), the error banner offers
// the check, and a damaged or read-only credentials index is announced with writes turned off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { resetStore, useStore } from '../../../src-renderer/app/store';
import {
  click,
  credential,
  fail,
  getByRole,
  installFakeKeychain,
  queryAllByRole,
  removeFakeKeychain,
  render,
  text,
  unmount,
  type FakeKeychain,
} from './harness';

const ORPHAN_A = '11111111-1111-4111-8111-111111111111';
const ORPHAN_B = '22222222-2222-4222-8222-222222222222';

let fake: FakeKeychain;

beforeEach(() => resetStore());
afterEach(async () => {
  await unmount();
  removeFakeKeychain();
});

const keychainStatus = (): HTMLElement => getByRole('status', /^Keychain /);
const rowOf = (label: string): HTMLElement => {
  const th = [...document.querySelectorAll('tbody th')].find((el) => el.textContent?.startsWith(label));
  if (!th) throw new Error(`no row ${label}`);
  return th.closest('tr')!;
};

describe('header: keychain status', () => {
  it.each([
    ['ok', 'Keychain connected', false],
    ['locked', 'Keychain locked', true],
    ['unavailable', 'Keychain unavailable', true],
    ['timeout', 'Keychain not answering', true],
  ] as const)('state %s reads "%s"; Retry offered: %s', async (state, label, retry) => {
    fake = installFakeKeychain({ keychainState: state });
    await render(App);
    expect(text(keychainStatus())).toBe(label);
    expect(queryAllByRole('button', 'Retry')).toHaveLength(retry ? 1 : 0);
  });

  it('follows the keychain.changed event, both ways', async () => {
    fake = installFakeKeychain();
    await render(App);
    expect(text(keychainStatus())).toBe('Keychain connected');
    fake.emit('keychain.changed', { state: 'locked' });
    await click(document.body);
    expect(text(keychainStatus())).toBe('Keychain locked');
    expect(keychainStatus().className).toContain('tone-warn');
    fake.emit('keychain.changed', { state: 'ok' });
    await click(document.body);
    expect(text(keychainStatus())).toBe('Keychain connected');
    expect(queryAllByRole('button', 'Retry')).toHaveLength(0);
  });

  it('Retry runs the keychain check, then reloads app.info; focus goes to the screen once it answers', async () => {
    fake = installFakeKeychain({ keychainState: 'locked' });
    await render(App);
    const order: string[] = [];
    fake.api.checkConsistency.mockImplementation(async () => {
      order.push('checkConsistency');
      return {
        ok: true,
        data: {
          checkedAt: '2025-01-02T10:30:00.000Z',
          missingFromKeychain: [],
          orphansInKeychain: [],
          keychainReachable: false,
        },
      };
    });
    const appInfo = fake.api.appInfo.getMockImplementation()!;
    fake.api.appInfo.mockImplementation(async () => {
      order.push('appInfo');
      return appInfo();
    });

    // Still locked: the status stays, Retry stays.
    getByRole('button', 'Retry').focus();
    await click(getByRole('button', 'Retry'));
    expect(order).toEqual(['checkConsistency', 'appInfo']);
    expect(text(keychainStatus())).toBe('Keychain locked');
    expect(text()).toContain('The keychain did not answer, so nothing could be compared.');

    // Unlocked: connected, Retry gone, focus on the main area rather than lost.
    fake.keychainState = 'ok';
    await click(getByRole('button', 'Retry'));
    expect(text(keychainStatus())).toBe('Keychain connected');
    expect(queryAllByRole('button', 'Retry')).toHaveLength(0);
    expect(document.activeElement?.id).toBe('main');
  });
});

describe('keychain check', () => {
  it('marks rows whose keychain item is missing (text and icon) and lists them by label', async () => {
    const gone = credential({ label: 'Gone token' });
    const fine = credential({ label: 'Fine token' });
    fake = installFakeKeychain({ credentials: [gone, fine], missing: [gone.id] });
    await render(App);
    expect(text()).not.toContain('Missing from keychain'); // nothing is claimed before a check
    expect(fake.api.checkConsistency).not.toHaveBeenCalled(); // listing never touches the keychain

    await click(getByRole('button', 'Check keychain'));
    expect(fake.api.checkConsistency).toHaveBeenCalledTimes(1);
    const badge = rowOf('Gone token').querySelector('.missing-badge')!;
    expect(text(badge)).toBe('Missing from keychain');
    expect(badge.querySelector('svg')).not.toBeNull();
    expect(text(rowOf('Fine token'))).not.toContain('Missing');

    const report = getByRole('region', 'Keychain check');
    expect(text(report)).toContain('1 credential is missing from the keychain.');
    expect(text(getByRole('list', 'Missing from keychain', report))).toContain('Gone token');
    expect(text(report)).toContain('No keychain item is left without a credential.');
    expect(document.activeElement).toBe(getByRole('heading', 'Keychain check'));

    await click(getByRole('button', 'Hide keychain check'));
    expect(queryAllByRole('region', 'Keychain check')).toHaveLength(0);
    expect(text()).not.toContain('Missing from keychain');
  });

  it('says so when everything matches', async () => {
    fake = installFakeKeychain({ credentials: [credential({ label: 'Fine' })] });
    await render(App);
    await click(getByRole('button', 'Check keychain'));
    const report = getByRole('region', 'Keychain check');
    expect(text(report)).toContain('Every credential has its keychain item.');
    expect(queryAllByRole('list', 'Keychain items without a credential')).toHaveLength(0);
  });

  it('adopt turns an orphan into a pending card with focus on it', async () => {
    fake = installFakeKeychain({ orphans: [ORPHAN_A, ORPHAN_B] });
    await render(App);
    await click(getByRole('button', 'Check keychain'));
    const list = getByRole('list', 'Keychain items without a credential');
    expect(text(list)).toContain(ORPHAN_A);
    expect(text(getByRole('region', 'Keychain check'))).toContain('2 keychain items have no credential.');

    await click(getByRole('button', `Adopt ${ORPHAN_A}`));
    expect(fake.api.adoptOrphan).toHaveBeenCalledWith(ORPHAN_A);
    expect(text(list)).not.toContain(ORPHAN_A);
    expect(text(list)).toContain(ORPHAN_B);
    const card = getByRole('form', 'Square access token');
    expect(text(card)).toContain('Adopted from the keychain');
    expect(text(card)).toContain('Observed format');
    expect(document.activeElement).toBe(card.querySelector('h3'));
    expect(text()).toContain('The keychain item is a pending credential again.');
  });

  it('delete asks first; Keep sends nothing; focus moves to the next orphan, then to the report', async () => {
    fake = installFakeKeychain({ orphans: [ORPHAN_A, ORPHAN_B] });
    await render(App);
    await click(getByRole('button', 'Check keychain'));

    await click(getByRole('button', `Delete ${ORPHAN_A}`));
    const step = getByRole('group', `Confirm delete ${ORPHAN_A}`);
    expect(text(step)).toContain('gone for good');
    expect(document.activeElement).toBe(getByRole('button', 'Keep', step));
    await click(getByRole('button', 'Keep', step));
    expect(fake.api.deleteOrphan).not.toHaveBeenCalled();

    await click(getByRole('button', `Delete ${ORPHAN_A}`));
    await click(getByRole('button', 'Yes, delete'));
    expect(fake.api.deleteOrphan).toHaveBeenCalledWith(ORPHAN_A);
    expect(queryAllByRole('button', `Adopt ${ORPHAN_A}`)).toHaveLength(0);
    expect(document.activeElement).toBe(getByRole('button', `Adopt ${ORPHAN_B}`));

    await click(getByRole('button', `Delete ${ORPHAN_B}`));
    await click(getByRole('button', 'Yes, delete'));
    expect(queryAllByRole('list', 'Keychain items without a credential')).toHaveLength(0);
    expect(document.activeElement).toBe(getByRole('heading', 'Keychain check'));
  });

  it('an adopt main refuses shows the error and keeps the orphan listed', async () => {
    fake = installFakeKeychain({ orphans: [ORPHAN_A] });
    fake.api.adoptOrphan.mockResolvedValueOnce(
      fail({
        code: 'CONFLICT',
        message: 'Already saved as "Checkout token".',
        hint: 'Delete this keychain item instead.',
      }),
    );
    await render(App);
    await click(getByRole('button', 'Check keychain'));
    await click(getByRole('button', `Adopt ${ORPHAN_A}`));
    expect(text(getByRole('alert'))).toContain('Already saved as "Checkout token".');
    expect(getByRole('button', `Adopt ${ORPHAN_A}`)).toBeTruthy();
    expect(queryAllByRole('form')).toHaveLength(0);
  });

  it('a copy that fails for a missing item offers "Check keychain" in the banner, which runs it', async () => {
    const gone = credential({ label: 'Gone token' });
    fake = installFakeKeychain({ credentials: [gone], missing: [gone.id] });
    fake.api.copySecret.mockResolvedValueOnce(
      fail({
        code: 'KEYCHAIN_ITEM_MISSING',
        message: 'This credential is missing from the keychain.',
        hint: 'Use "Check keychain".',
      }),
    );
    await render(App);
    await click(getByRole('button', 'Copy Gone token'));
    await click(getByRole('menuitem', /^Raw value/));
    const banner = getByRole('alert');
    expect(text(banner)).toContain('This credential is missing from the keychain.');
    await click(getByRole('button', 'Check keychain', banner));
    expect(fake.api.checkConsistency).toHaveBeenCalledTimes(1);
    expect(queryAllByRole('alert')).toHaveLength(0);
    expect(text(rowOf('Gone token'))).toContain('Missing from keychain');
    expect(document.activeElement).toBe(getByRole('heading', 'Keychain check'));
  });

  it('other errors offer no keychain check', async () => {
    const c = credential({ label: 'Curl-less' });
    fake = installFakeKeychain({ credentials: [c] });
    fake.api.copySecret.mockResolvedValueOnce(fail({ code: 'UNSUPPORTED', message: 'No curl for this kind.' }));
    await render(App);
    await click(getByRole('button', 'Copy Curl-less'));
    await click(getByRole('menuitem', /^curl command/));
    expect(queryAllByRole('button', 'Check keychain', getByRole('alert'))).toHaveLength(0);
  });
});

describe('credentials index health', () => {
  it('recovered: a persistent notice with main’s message, hint and the kept files; writes stay on', async () => {
    fake = installFakeKeychain({
      credentials: [credential({ label: 'Kept one' })],
      vault: {
        state: 'recovered',
        message: 'credentials.json was damaged. 1 credentials were kept; 1 entry could not be read and were set aside.',
        hint: 'Nothing was deleted: the original is kept as credentials.json.damaged-1 in the data folder.',
        setAside: 1,
        files: ['credentials.json.damaged-1', 'credentials.json.set-aside-1'],
      },
    });
    await render(App);
    const notice = getByRole('region', 'The credentials index was damaged and has been recovered');
    expect(text(notice)).toContain('1 entry could not be read');
    expect(text(notice)).toContain('Nothing was deleted');
    expect(text(notice)).toContain('credentials.json.set-aside-1');
    expect(notice.querySelector('button')).toBeNull(); // it cannot be dismissed
    expect(getByRole('button', 'Paste from clipboard')).toHaveProperty('disabled', false);
    expect(getByRole('button', 'Rename Kept one')).toHaveProperty('disabled', false);
  });

  it.each(['read_only', 'unavailable'] as const)('%s: every write is turned off and says why', async (state) => {
    fake = installFakeKeychain({
      credentials: [credential({ label: 'Listed' }), credential({ label: 'Waiting', status: 'pending' })],
      orphans: [ORPHAN_A],
      vault: { state, message: 'Written by a newer version.', hint: 'Update Merchant Keychain.' },
    });
    await render(App);
    expect(text(getByRole('region', /^The credentials index (is open read-only|could not be read)$/))).toContain(
      'turned off until then',
    );
    await click(getByRole('button', 'Check keychain')); // a read: still allowed
    const writes = [
      getByRole('button', 'Paste from clipboard'),
      getByRole('button', 'Import file'),
      getByRole('button', 'Confirm'),
      getByRole('button', 'Discard'),
      getByRole('button', 'Rename Listed'),
      getByRole('button', 'Delete Listed'),
      getByRole('button', `Adopt ${ORPHAN_A}`),
      getByRole('button', `Delete ${ORPHAN_A}`),
    ];
    for (const b of writes) {
      expect(b, text(b)).toHaveProperty('disabled', true);
      expect(b.getAttribute('title')).toMatch(/^Turned off: the credentials index/);
    }
    expect(getByRole('button', 'Paste from clipboard').getAttribute('aria-describedby')).toBe('vault-notice');
    expect(text(getByRole('toolbar', 'Add credentials').parentElement!)).toContain('Turned off');
    expect(getByRole('button', 'Copy Listed')).toHaveProperty('disabled', false); // a read
    for (const b of writes) await click(b);
    for (const fn of [
      'importFromClipboard',
      'importFromFile',
      'confirmCredential',
      'deleteCredential',
      'adoptOrphan',
      'deleteOrphan',
    ] as const) {
      expect(fake.api[fn]).not.toHaveBeenCalled();
    }

    await click(getByRole('button', 'Settings'));
    expect(getByRole('button', 'Save')).toHaveProperty('disabled', true);
    expect(text()).toContain('Turned off: the credentials index');
  });

  it('no notice when the index loaded cleanly', async () => {
    fake = installFakeKeychain();
    await render(App);
    expect(document.getElementById('vault-notice')).toBeNull();
    expect(useStore.getState().appInfo?.vault.state).toBe('ok');
  });
});

describe('import notice', () => {
  it('counts the keys main did not name', async () => {
    fake = installFakeKeychain();
    fake.api.importFromFile.mockResolvedValueOnce({
      ok: true,
      data: {
        cancelled: false,
        fileName: 'big.env',
        pending: [],
        skipped: [{ envName: 'OTHER', reason: 'not a key Merchant Keychain knows' }],
        skippedMore: 612,
      },
    });
    await render(App);
    await click(getByRole('button', 'Import file'));
    expect(text()).toContain('No credentials found from big.env.');
    expect(text()).toContain('Skipped OTHER: not a key Merchant Keychain knows');
    expect(text()).toContain('And 612 more keys not listed.');
  });
});
