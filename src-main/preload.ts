// The only bridge between the sandboxed renderer and main: window.keychain, one named function per
// channel (bridge/api.ts). ipcRenderer and its event objects never cross into the page, because
// the event's `sender` would hand the page a generic IPC surface (Electron checklist item 20).
// Sandboxed preloads may only require('electron'); electron-vite bundles everything else in.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createKeychainApi, type Subscribe, type Transport } from '@shared/bridge';

const transport: Transport = (channel, payload) => ipcRenderer.invoke(channel, payload);

const subscribe: Subscribe = (event, listener) => {
  const handler = (_event: IpcRendererEvent, payload: unknown): void => {
    listener(payload as Parameters<typeof listener>[0]);
  };
  ipcRenderer.on(event, handler);
  return () => {
    ipcRenderer.removeListener(event, handler);
  };
};

contextBridge.exposeInMainWorld('keychain', createKeychainApi(transport, subscribe));
