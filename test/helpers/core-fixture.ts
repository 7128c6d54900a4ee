// A real core on a temp data folder and a unique keychain service in the private test keyring.
// Everything it creates is removed by cleanup(): keychain items of its service and the folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { createMemoryClipboard, type Clipboard } from '../../src-main/clipboard/clipboard-guard';
import type { Channel, IpcResult, RequestOf, ResponseOf } from '@shared/contract';
import type { ProviderKind } from '@shared/vocabulary';
import { isReservedAccount } from '../../src-main/vault/consistency';
import { assertPrivateKeyring, emptyService, keychainAccounts, uniqueService } from './private-keyring';

/** Provider and kind of a proposal or view, still paired (the contract's discriminated union). */
export function pickProviderKind(p: ProviderKind): ProviderKind {
  return p.provider === 'clover' ? { provider: 'clover', kind: p.kind } : { provider: 'square', kind: p.kind };
}

export interface CoreFixture {
  core: Core;
  dataDir: string;
  service: string;
  clipboard: Clipboard;
  /** The file the fake open dialog returns next (null = user cancelled). */
  setDialogFile(file: string | null): void;
  /** The path the fake save dialog returns next (null = user cancelled). */
  setSaveFile(file: string | null): void;
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  raw(channel: string, payload: unknown): Promise<IpcResult<Channel>>;
  /** Credential accounts under the fixture's service (the reserved value-hash key is left out). */
  keychainAccounts(): Promise<string[]>;
  restart(extra?: Partial<CoreOptions>): Promise<Core>;
  cleanup(): Promise<void>;
}

/** `extra` may be a function of the fixture's keychain service (e.g. to wrap the real store). */
export async function startCore(
  extraOrFn: Partial<CoreOptions> | ((service: string, dataDir: string) => Partial<CoreOptions>) = {},
): Promise<CoreFixture> {
  assertPrivateKeyring();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-core-'));
  const service = uniqueService('test');
  const extra = typeof extraOrFn === 'function' ? extraOrFn(service, dataDir) : extraOrFn;
  const clipboard = createMemoryClipboard();
  let dialogFile: string | null = null;
  let saveFile: string | null = null;
  const options = (): CoreOptions => ({
    dataDir,
    keychainService: service,
    clipboard,
    dialogs: { openFile: async () => dialogFile, saveFile: async () => saveFile },
    ...extra,
  });
  const fixture: CoreFixture = {
    core: await createCore(options()),
    dataDir,
    service,
    clipboard,
    setDialogFile: (f) => void (dialogFile = f),
    setSaveFile: (f) => void (saveFile = f),
    async call(channel, payload) {
      const r = await fixture.core.invoke(channel, payload);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.data as ResponseOf<typeof channel>;
    },
    raw: (channel, payload) => fixture.core.invoke(channel, payload),
    keychainAccounts: async () => (await keychainAccounts(service)).filter((a) => !isReservedAccount(a)),
    async restart(more = {}) {
      await fixture.core.close();
      fixture.core = await createCore({ ...options(), ...more });
      return fixture.core;
    },
    async cleanup() {
      await fixture.core.close();
      await emptyService(service);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
