// A real core on a temp data folder and a unique keychain service in the private test keyring.
// Everything it creates is removed by cleanup(): keychain items of its service and the folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { createMemoryClipboard, type Clipboard } from '../../src-main/clipboard/clipboard-guard';
import type { Channel, IpcResult, RequestOf, ResponseOf } from '../../src-main/ipc/contract';

export function assertPrivateKeyring(): void {
  // Refuse to run keychain tests against a person's real keychain.
  if (process.env.MK_IN_PRIVATE_KEYRING !== '1') throw new Error('Run keychain tests through test/with-keyring.sh (npm test does).');
}

export interface CoreFixture {
  core: Core;
  dataDir: string;
  service: string;
  clipboard: Clipboard;
  /** The file the fake open dialog returns next (null = user cancelled). */
  setDialogFile(file: string | null): void;
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  raw(channel: string, payload: unknown): Promise<IpcResult<Channel>>;
  keychainAccounts(): Promise<string[]>;
  restart(extra?: Partial<CoreOptions>): Promise<Core>;
  cleanup(): Promise<void>;
}

export async function startCore(extra: Partial<CoreOptions> = {}): Promise<CoreFixture> {
  assertPrivateKeyring();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-core-'));
  const service = `merchant-keychain-test-${randomBytes(6).toString('hex')}`;
  const clipboard = createMemoryClipboard();
  let dialogFile: string | null = null;
  const options = (): CoreOptions => ({
    dataDir, keychainService: service, clipboard,
    dialogs: { openFile: async () => dialogFile },
    ...extra,
  });
  const fixture: CoreFixture = {
    core: await createCore(options()),
    dataDir, service, clipboard,
    setDialogFile: (f) => void (dialogFile = f),
    async call(channel, payload) {
      const r = await fixture.core.invoke(channel, payload);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.data as ResponseOf<typeof channel>;
    },
    raw: (channel, payload) => fixture.core.invoke(channel, payload),
    keychainAccounts: async () => (await keytar.findCredentials(service)).map((c) => c.account).sort(),
    async restart(more = {}) {
      await fixture.core.close();
      fixture.core = await createCore({ ...options(), ...more });
      return fixture.core;
    },
    async cleanup() {
      await fixture.core.close();
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
