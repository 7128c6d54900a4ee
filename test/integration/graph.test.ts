// keychain.graph through the core: drawn from metadata only, so it answers with the keychain
// locked and makes no keychain call at all.
import { afterEach, expect, it } from 'vitest';
import { startCore, type CoreFixture } from '../helpers/core-fixture';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';

let f: CoreFixture;
let store: FaultyStore;
afterEach(async () => f.cleanup());

it('draws the stored credentials without touching the keychain', async () => {
  f = await startCore((service) => ({ secretStore: (store = createFaultyStore(service)) }));
  f.clipboard.writeText('EAAAgraphNoKeychain0123456789abcdefghijklm');
  const { pending } = await f.call('credentials.importFromClipboard', {});
  await f.call('credentials.update', {
    id: pending.credential.id,
    merchantId: 'DM7VKY8Q63GNP',
    environment: 'sandbox',
  });
  store.breakAll('locked');
  const before = { ...store.calls };
  const g = await f.call('keychain.graph', {});
  expect(store.calls).toEqual(before);
  expect(g.nodes.map((n) => n.id)).toEqual([pending.credential.id, 'merchant:square:sandbox:DM7VKY8Q63GNP']);
  expect(g.edges).toEqual([expect.objectContaining({ from: pending.credential.id, label: 'GET /v2/merchants/me' })]);
});
