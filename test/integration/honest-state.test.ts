// Issue #7, "Honest state on the screen" and "A core that stops cleanly", through the real core:
// a failed paste never leaves a secret on the clipboard unannounced, the keychain status follows
// the last call, other vendors' keys are named, and close() leaves nothing behind.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf } from '@shared/contract';
import { startCore, type CoreFixture } from '../helpers/core-fixture';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';

const TOKEN = 'EAAAhonestState0123456789abcdefghijklmnopq';

let f: CoreFixture;
let store: FaultyStore;
afterEach(async () => f.cleanup());

async function start(): Promise<void> {
  f = await startCore((service) => ({ secretStore: (store = createFaultyStore(service)) }));
}

describe('a paste that fails after reading a secret', () => {
  it('a locked keychain: nothing stored, the clipboard is cleared, and the hint says so', async () => {
    await start();
    store.breakAll('locked', ['set']);
    f.clipboard.writeText(TOKEN);
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', hint: expect.stringContaining('The clipboard was cleared.') },
    });
    expect(await f.clipboard.readText()).toBe('');
    expect(await f.keychainAccounts()).toEqual([]);
  });

  it("another vendor's key is named, refused and taken off the clipboard", async () => {
    await start();
    const stripe = 'sk_test_51HqFakeStripeKeyABCDEF123456789';
    f.clipboard.writeText(stripe);
    const r = await f.raw('credentials.importFromClipboard', {});
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'UNRECOGNIZED_SECRET',
        message: 'That is not a Clover or Square credential: it looks like a Stripe secret key.',
      },
    });
    expect(JSON.stringify(r)).not.toContain(stripe);
    expect(await f.clipboard.readText()).toBe('');
  });

  it('ordinary text that is not a credential is left where it was', async () => {
    await start();
    f.clipboard.writeText('meeting notes, nothing secret');
    expect(await f.raw('credentials.importFromClipboard', {})).toMatchObject({
      ok: false,
      error: { code: 'UNRECOGNIZED_SECRET' },
    });
    expect(await f.clipboard.readText()).toBe('meeting notes, nothing secret');
  });
});

describe('the keychain status follows the last call', () => {
  it('locked after a refused write, back to ok after a working one, with an event each time', async () => {
    await start();
    const seen: EventOf<'keychain.changed'>[] = [];
    f.core.on('keychain.changed', (e) => seen.push(e));
    expect((await f.call('app.info', {})).keychain).toMatchObject({ reachable: true, state: 'ok' });
    store.breakAll('locked');
    f.clipboard.writeText(TOKEN);
    await f.raw('credentials.importFromClipboard', {});
    expect((await f.call('app.info', {})).keychain).toMatchObject({ reachable: false, state: 'locked' });
    store.heal();
    await f.call('credentials.checkConsistency', {}); // the header's Retry
    expect((await f.call('app.info', {})).keychain).toMatchObject({ reachable: true, state: 'ok' });
    expect(seen).toEqual([{ state: 'locked' }, { state: 'ok' }]);
  });
});

describe('a core that stops cleanly', () => {
  it('a copy still waiting on the keychain when close() runs never lands on the clipboard', async () => {
    await start();
    f.clipboard.writeText(TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    f.clipboard.writeText('what the user copied last');
    const realGet = store.get;
    let release!: () => void;
    store.get = async (a) => {
      await new Promise<void>((r) => (release = r));
      return realGet(a);
    };
    const copy = f.raw('credentials.copySecret', { id: pending.credential.id, format: 'raw' });
    await new Promise((r) => setTimeout(r, 50));
    const closing = f.core.close();
    release();
    await closing;
    expect(await copy).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await f.clipboard.readText()).toBe('what the user copied last');
    store.get = realGet;
  });

  it('after close() every call answers UNAVAILABLE and runs nothing', async () => {
    await start();
    await f.core.close();
    const before = store.calls.get + store.calls.set + store.calls.list;
    for (const [channel, payload] of [
      ['credentials.list', {}],
      ['credentials.importFromClipboard', {}],
      ['app.info', {}],
    ] as const) {
      expect(await f.raw(channel, payload)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    }
    expect(store.calls.get + store.calls.set + store.calls.list).toBe(before);
  });

  it('a copied secret is cleared on close, last', async () => {
    await start();
    f.clipboard.writeText(TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    await f.call('credentials.copySecret', { id: pending.credential.id, format: 'raw' });
    expect(await f.clipboard.readText()).toBe(TOKEN);
    await f.core.close();
    expect(await f.clipboard.readText()).toBe('');
    const log = await fs.readFile(path.join(f.dataDir, 'audit.log'), 'utf8');
    expect(log.trim().split('\n').at(-1)).toMatch(/"event":"core.closed"/);
  });
});
