// The vault's failure modes: no keychain service, a keychain that never answers, a locked one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyKeychainFailure, createKeytarStore, keychainHint } from '../../src-main/vault/secret-store';
import { AppError } from '../../src-main/errors/app-error';

const run = promisify(execFile);

describe('keychain unavailable', () => {
  it('a process with no Secret Service gets KEYCHAIN_UNAVAILABLE with what to do on Linux', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mk-bus', DISPLAY: '' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/helpers/keychain-probe.ts'], {
      env,
      timeout: 20_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(out.hint).toBe(keychainHint('unavailable', 'linux'));
    expect(out.hint).toMatch(/gnome-keyring/);
  });
});

describe('timeouts and locked keychains', () => {
  const never = () => new Promise<never>(() => undefined);
  const stuck = { getPassword: never, setPassword: never, deletePassword: never, findCredentials: never };

  it('every call is bounded by the timeout', async () => {
    const store = createKeytarStore({ service: 'mk-timeout', timeoutMs: 50, keytar: stuck });
    for (const call of [
      () => store.get('a'),
      () => store.set('a', 'b'),
      () => store.delete('a'),
      () => store.listAccounts(),
    ]) {
      const started = Date.now();
      await expect(call()).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('a locked collection becomes KEYCHAIN_LOCKED with platform advice', async () => {
    const locked = {
      ...stuck,
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
    };
    const store = createKeytarStore({ service: 'mk-locked', keytar: locked });
    await expect(store.set('a', 'b')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED', hint: keychainHint('locked') });
    expect(classifyKeychainFailure(new Error('User canceled the operation. (-128) -25308'), 'darwin').hint).toMatch(
      /Keychain Access/,
    );
    expect(classifyKeychainFailure(new Error('weird'), 'win32')).toBeInstanceOf(AppError);
  });

  it('refuses a service name with spaces', () => {
    expect(() => createKeytarStore({ service: 'Merchant Keychain' })).toThrow(/without spaces/);
  });
});
