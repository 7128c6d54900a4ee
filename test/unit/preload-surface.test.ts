import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeychainApi } from '@shared/bridge';

// A fake 'electron' for the preload: records what it exposes and what it asks of ipcRenderer.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, data: { channel, payload } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
    postMessage: vi.fn(),
  };
  const exposed: [string, unknown][] = [];
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.push([key, api])) };
  /** Delivers a message from main the way Electron does: (event, ...args). */
  const emit = (channel: string, ...args: unknown[]) => {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const l of listeners.get(channel) ?? []) l(event, ...args);
    return event;
  };
  return { ipcRenderer, contextBridge, exposed, listeners, emit };
});

vi.mock('electron', () => ({ ipcRenderer: fake.ipcRenderer, contextBridge: fake.contextBridge }));

type Api = ReturnType<typeof createKeychainApi>;
let api: Api;

beforeAll(async () => {
  await import('../../src-main/preload');
  api = fake.exposed[0]?.[1] as Api;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
  fake.ipcRenderer.on.mockClear();
  fake.ipcRenderer.removeListener.mockClear();
});

describe('preload surface (window.keychain)', () => {
  it('exposes exactly one key, "keychain"', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(fake.exposed.map(([key]) => key)).toEqual(['keychain']);
  });

  it('exposes exactly the named functions of createKeychainApi, all functions', () => {
    const expected = Object.keys(createKeychainApi(vi.fn(), vi.fn())).sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
  });

  it('exposes no generic invoke and nothing of ipcRenderer', () => {
    const values = Object.values(api) as unknown[];
    for (const leaked of [fake.ipcRenderer, fake.ipcRenderer.invoke, fake.ipcRenderer.on, fake.ipcRenderer.send]) {
      expect(values).not.toContain(leaked);
    }
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) {
      expect(api).not.toHaveProperty(name);
    }
  });

  it('sends each call on its own channel with only the given payload', async () => {
    const id = '7f1d3c2e-1111-4a4a-8b8b-123456789abc';
    await expect(api.listCredentials()).resolves.toEqual({
      ok: true,
      data: { channel: 'credentials.list', payload: {} },
    });
    await api.copySecret(id, 'env');
    await api.deleteCredential(id);
    await api.openDocs('https://docs.clover.com/');
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      ['credentials.list', {}],
      ['credentials.copySecret', { id, format: 'env' }],
      ['credentials.delete', { id }],
      ['links.openDocs', { url: 'https://docs.clover.com/' }],
    ]);
  });

  it('hands subscribers the payload only, never the IPC event', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onClipboardCleared((...args: unknown[]) => void received.push(args));
    expect(fake.ipcRenderer.on).toHaveBeenCalledWith('clipboard.cleared', expect.any(Function));

    const event = fake.emit('clipboard.cleared', { reason: 'timeout' }, 'extra-arg');
    expect(received).toEqual([[{ reason: 'timeout' }]]);
    expect(received.flat()).not.toContain(event);
    expect(received.flat()).not.toContain(fake.ipcRenderer);

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    const [[, registered]] = fake.ipcRenderer.on.mock.calls as unknown as [[string, unknown]];
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith('clipboard.cleared', registered);
    fake.emit('clipboard.cleared', { reason: 'quit' });
    expect(received).toHaveLength(1);
  });

  it('does not hand the raw callback to ipcRenderer.on', () => {
    const cb = vi.fn();
    const off = api.onCredentialsChanged(cb);
    const registered = fake.ipcRenderer.on.mock.calls[0]?.[1];
    expect(registered).not.toBe(cb);
    fake.emit('credentials.changed', { ids: [] });
    expect(cb).toHaveBeenCalledExactlyOnceWith({ ids: [] });
    off();
  });

  it('needs nothing but electron at runtime (sandboxed preloads cannot require other modules)', () => {
    const runtimeImports = (file: string) =>
      [
        ...readFileSync(path.resolve(__dirname, '../../src-main', file), 'utf8').matchAll(
          /^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm,
        ),
      ].map((m) => m[1]);
    expect(runtimeImports('preload.ts').sort()).toEqual(['@shared/bridge', 'electron']);
    expect(runtimeImports('shared/bridge.ts')).toEqual([]);
  });
});
