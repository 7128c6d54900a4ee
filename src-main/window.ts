// Hardened window options, the renderer CSP, the trusted-origin check and the web-contents guards.
// Type-only Electron imports: this module runs under vitest, where 'electron' cannot load.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAllowedDocsUrl } from './links/docs-allowlist';

/** Where the packaged renderer is served from (protocol.ts). */
export const APP_ORIGIN = 'app://renderer';

/** The CSP of src-renderer/index.html's meta tag (a unit test checks the two agree). */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";

/** Sent as a header by protocol.ts: frame-ancestors only works in a header, never in a meta tag. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

export interface WindowOptionsInput {
  preloadPath: string;
  /** app.isPackaged; DevTools only in development. Defaults to true so a forgotten flag locks down. */
  isPackaged?: boolean;
  /** The window icon (Linux; macOS and Windows take theirs from the app bundle / .exe). */
  iconPath?: string;
  /** The OS is in dark mode (nativeTheme.shouldUseDarkColors): the frame's colour before paint. */
  dark?: boolean;
}

/** The renderer's --bg token in each theme (src-renderer/ui/base.css): what shows while resizing. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#111418' } as const;

export function createWindowOptions({
  preloadPath,
  isPackaged = true,
  iconPath,
  dark = false,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Merchant Keychain',
    ...(iconPath === undefined ? {} : { icon: iconPath }),
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    backgroundColor: WINDOW_BACKGROUND[dark ? 'dark' : 'light'],
    show: false, // shown on ready-to-show, so no white flash
    webPreferences: {
      preload: preloadPath,
      // Every flag explicit, even where Electron's default is already safe: a default can change
      // between majors, and electronegativity only trusts what it can read.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click link opens; setWindowOpenHandler denies them anyway, this stops the event too.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false, // the spellchecker would see typed labels; nothing here needs it
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !isPackaged,
    },
  };
}

/** `protocol//host` for URLs without userinfo; WHATWG gives 'null' as origin for app://. */
function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}

/** Exact-origin allowlist for IPC senders and navigation: app://renderer, plus the dev server if given. */
export function isTrustedSender(frameUrl: string | undefined, devServerUrl?: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  const origin = originOf(frameUrl);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  if (devServerUrl === undefined || devServerUrl === '') return false;
  const devOrigin = originOf(devServerUrl);
  return devOrigin !== null && devOrigin === origin;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The electron-vite dev server URL, only when unpackaged and only on loopback http(s). */
export function resolveDevServerUrl(raw: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const webScheme = url.protocol === 'http:' || url.protocol === 'https:';
  if (!webScheme || url.username !== '' || url.password !== '' || !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return url.href;
}

/** The parts of WebContents the guards touch; a structural type so tests can pass a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'session'>;

export interface GuardOptions {
  isTrusted: (url: string) => boolean;
  /** Opens an allowlisted docs URL in the user's browser; window.open never creates a window. */
  openExternal?: (url: string) => void;
}

export function installWebContentsGuards(contents: GuardedContents, { isTrusted, openExternal }: GuardOptions): void {
  contents.on('will-navigate', (event) => {
    if (!isTrusted(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isTrusted(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrusted(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (openExternal !== undefined && isAllowedDocsUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // The app needs no camera, notifications, clipboard-read by the page, etc.: deny all.
  contents.session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  contents.session.setPermissionCheckHandler(() => false);
}
