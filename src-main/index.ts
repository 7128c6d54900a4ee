// The Electron shell, and nothing else: lifecycle, window, app:// protocol, menu, and ipcMain wired
// to the core. Every behaviour worth testing lives in the core or in window.ts / protocol.ts.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  protocol,
  shell,
  type WebContents,
} from 'electron';
import { createCore, type Core } from './core';
import { isAllowedAuthorizeUrl as isAllowedCloverAuthorizeUrl } from './providers/clover/authorize-hosts';
import { CHANNELS, events, type EventName, type IpcError } from '@shared/contract';
import { normalizeDocsUrl } from './links/docs-allowlist';
import { osNotifications } from './inspect/expiry-notices';
import { menuTemplate } from './menu';
import { isAllowedAuthorizeUrl } from './providers/square/oauth-pkce';
import { handleAppProtocol, registerAppScheme } from './protocol';
import {
  APP_ORIGIN,
  createWindowOptions,
  installWebContentsGuards,
  isTrustedSender,
  resolveDevServerUrl,
} from './window';

// Built layout (electron-vite): out/main/index.js, out/preload/index.js, out/renderer/.
const PRELOAD_PATH = join(__dirname, '../preload/index.js');
const RENDERER_DIR = join(__dirname, '../renderer');
// resources/ sits beside out/ in the checkout and inside app.asar when packaged (electron-builder.config.ts).
const WINDOW_ICON = join(__dirname, '../../resources/icons/512x512.png');
const EVENT_NAMES = Object.keys(events) as EventName[];
const CLOSE_TIMEOUT_MS = 5_000;
const UNTRUSTED_SENDER: { ok: false; error: IpcError } = {
  ok: false,
  error: { code: 'INVALID_REQUEST', message: 'Untrusted sender', hint: null, fields: [] },
};

const devUrl = resolveDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const isTrusted = (url: string | undefined): boolean => isTrustedSender(url, devUrl);

/** Only allowlisted vendor docs, and only in their canonical form, reach the OS URL handler. */
function openDocsExternally(url: string): Promise<void> {
  const safe = normalizeDocsUrl(url);
  if (safe === null) return Promise.reject(new Error('URL is not an allowed documentation link'));
  // electronegativity reads its disable comment on the call's own line
  // prettier-ignore
  return shell.openExternal(safe); /* eng-disable OPEN_EXTERNAL_JS_CHECK: `safe` passed normalizeDocsUrl (https, exact vendor hosts) */
}

/** Only a vendor's OAuth authorize page (Square's sandbox authorize endpoint; Clover's authorize
 *  hosts, exact https, the authorize path) reaches the OS URL handler this way, checked again here. */
function openAuthorizeExternally(url: string): Promise<void> {
  const allowed =
    isAllowedAuthorizeUrl(url, 'sandbox', { allowLoopbackHttp: false }) ||
    isAllowedCloverAuthorizeUrl(url, { allowLoopbackHttp: false });
  if (!allowed) return Promise.reject(new Error('URL is not an allowed authorize page'));
  // electronegativity reads its disable comment on the call's own line
  // prettier-ignore
  return shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK: `url` passed a vendor authorize allowlist (https, exact hosts, authorize path) */
}

let core: Core | null = null;
const guarded = new WeakSet<WebContents>();
function guard(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  installWebContentsGuards(contents, {
    isTrusted,
    openExternal: (url) => void openDocsExternally(url).catch(() => undefined),
  });
}

function createMainWindow(): BrowserWindow {
  const options = createWindowOptions({
    preloadPath: PRELOAD_PATH,
    isPackaged: app.isPackaged,
    iconPath: process.platform === 'linux' ? WINDOW_ICON : undefined,
    dark: nativeTheme.shouldUseDarkColors,
  });
  // The security flags are restated literally (same values as window.ts, which is tested as data)
  // so electronegativity, which reads only this constructor call, can verify them.
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // electronegativity reads its disable comment on the property's own line
      // prettier-ignore
      preload: PRELOAD_PATH /* eng-disable PRELOAD_JS_CHECK: reviewed; exposes only window.keychain (test/unit/preload-surface.test.ts) */,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guard(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`).catch((err: unknown) => {
    core?.log('error', 'shell.renderer_load_failed', { error: errorSummary(err) });
  });
  return win;
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate(menuTemplate(app.isPackaged, process.platform));
}

/** Tokens that need attention become OS notifications while the app runs (issue #10). */
function wireNotifications(started: Core): void {
  started.on('expiry.warnings', ({ items }) => {
    if (!Notification.isSupported()) return;
    for (const n of osNotifications(items)) new Notification({ title: n.title, body: n.body, silent: false }).show();
  });
}

function wireIpc(started: Core): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (isTrusted(event.senderFrame?.url)) return started.invoke(channel, payload);
      started.log('warn', 'shell.untrusted_sender', { channel }); // never the payload
      return UNTRUSTED_SENDER;
    });
  }
  for (const name of EVENT_NAMES) {
    started.on(name, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (!win.isDestroyed() && isTrusted(win.webContents.getURL())) win.webContents.send(name, payload);
      }
    });
  }
}

async function start(): Promise<void> {
  handleAppProtocol(protocol, RENDERER_DIR);
  Menu.setApplicationMenu(buildMenu());
  core = await createCore({
    dataDir: app.getPath('userData'),
    // Electron 45's clipboard is promise-based; the core's Clipboard type must accept that.
    clipboard: {
      readText: () => clipboard.readText(),
      writeText: (text: string) => clipboard.writeText(text),
      clear: () => clipboard.clear(),
    },
    dialogs: {
      openFile: async ({ title, filters }) => {
        const options = { title, filters, properties: ['openFile' as const] };
        const parent = BrowserWindow.getFocusedWindow();
        const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      saveFile: async ({ title, defaultName, filters }) => {
        const options = { title, filters, defaultPath: join(app.getPath('documents'), defaultName) };
        const parent = BrowserWindow.getFocusedWindow();
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    openExternal: openDocsExternally,
    openAuthorizeUrl: openAuthorizeExternally,
    version: app.getVersion(),
  });
  wireIpc(core);
  wireNotifications(core);
  createMainWindow();
}

function errorSummary(err: unknown): string {
  // Name and message only: stacks and causes can carry request data.
  return err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox(); // every renderer, including any the guards did not anticipate
  registerAppScheme(protocol); // must precede 'ready'

  let closing: Promise<void> | null = null;
  let closed = false;

  app.on('web-contents-created', (_event, contents) => guard(contents));

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win === undefined) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core !== null && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  // core.close() clears the clipboard if it still holds a copied secret, so quitting waits for it
  // (bounded, so a stuck keychain cannot keep the app alive).
  app.on('before-quit', (event) => {
    if (closed || core === null) return;
    event.preventDefault();
    if (closing !== null) return;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    closing = Promise.race([core.close(), timeout])
      .catch((err: unknown) => core?.log('error', 'shell.close_failed', { error: errorSummary(err) }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      // No core means no logger yet: the error box is the only report (name and message only).
      dialog.showErrorBox('Merchant Keychain could not start', errorSummary(err));
      app.exit(1);
    });
}
