// End-to-end fixture: the built renderer (out/renderer) in Debian's Chromium, bridged to a REAL
// core (src-main/core.ts) through the same createKeychainApi the preload uses.
//   - a static server on 127.0.0.1:0 serves out/renderer with the app's CSP (worker scope);
//   - createCore on a temp data folder and a unique keychain service in the private keyring,
//     with an in-memory clipboard and an open-file dialog the test controls; the keychain store can
//     be switched to fail like a locked one (mk.keychain.fault), and the core restarted on the same
//     data folder (mk.restartCore) to start on a file the test damaged;
//   - page.exposeFunction('__mkInvoke') into core.invoke, recording every request and response;
//   - core events are delivered to the page (window.__mkDeliver) and recorded too;
//   - console messages and page errors are recorded; an unexpected console error fails the test;
//   - afterwards: core closed, keychain items of the service deleted, temp folders removed.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createCore, type Core } from '../../src-main/core';
import type { Clipboard } from '../../src-main/clipboard/clipboard-guard';
import { startStaticServer, type StaticServer } from './static-server';
import { bridgeBundle } from './bridge-bundle';
import { assertPrivateKeyring, emptyService, uniqueService } from '../helpers/private-keyring';
import { createSwitchableKeychain, type SwitchableKeychain } from './switchable-keychain';
import { startCloverEmulator, type CloverEmulator } from '../emulators/clover';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../emulators/square';

export { expect };

export const SCREENS_DIR = path.resolve(__dirname, '../../test-results/screens');

export interface FakeClipboard extends Clipboard {
  /** What main last wrote or the test put there; '' after clear(). */
  text: string;
  /** Every writeText() main made, in order. */
  writes: string[];
  clears: number;
}

export function createFakeClipboard(): FakeClipboard {
  const cb: FakeClipboard = {
    text: '',
    writes: [],
    clears: 0,
    readText: () => cb.text,
    writeText: (t) => {
      cb.text = t;
      cb.writes.push(t);
    },
    clear: () => {
      cb.text = '';
      cb.clears += 1;
    },
  };
  return cb;
}

export interface IpcRecord {
  channel: string;
  payload: unknown;
  response: unknown;
}

export interface MkApp {
  page: Page;
  /** The running core; replaced by restartCore(). */
  core: Core;
  /** The real keychain store behind a switch: set `fault` to make every call fail. */
  keychain: SwitchableKeychain;
  /** Closes the core and starts a new one on the same data folder and keychain service. */
  restartCore(): Promise<void>;
  dataDir: string;
  service: string;
  clipboard: FakeClipboard;
  /** Every request the page sent and every response and event main sent back. */
  ipc: IpcRecord[];
  events: { event: string; payload: unknown }[];
  /** "type: text" for every console message, plus "pageerror: ..." for uncaught errors. */
  consoleLines: string[];
  /** Set to true in a test that expects console errors. */
  allowConsoleErrors: boolean;
  /** Folder outside the data folder for files the test imports. */
  filesDir: string;
  /** What the fake open-file dialog returns next (null = the user cancelled). */
  setDialogFile(file: string | null): void;
  /** Writes a file into filesDir and makes the dialog return it next. */
  prepareImportFile(name: string, content: string): Promise<string>;
  /** Loads the app and waits until the first list arrived. */
  open(): Promise<void>;
  /** Saves test-results/screens/<name>.png. */
  screenshot(name: string): Promise<void>;
  /** The local Clover and Square (test/emulators), when the test asked for them with
   *  `test.use({ emulators: true })`; null otherwise. */
  vendors: Vendors | null;
  /** URLs the core asked the system browser to open (OAuth connect). */
  opened: string[];
  /** What the "system browser" does with an authorize URL (default: nothing). */
  setBrowser(visit: ((url: string) => Promise<void>) | null): void;
}

/** The real vendor stand-ins, with one basic Square world per environment seeded. */
export interface Vendors {
  clover: CloverEmulator;
  square: SquareEmulator;
  squareSandbox: BasicWorld;
  squareProduction: BasicWorld;
}

async function startVendors(): Promise<Vendors> {
  const clover = await startCloverEmulator();
  const square = await startSquareEmulator({ oauthRedirects: 'allow-http-loopback' });
  return {
    clover,
    square,
    squareSandbox: seedBasicWorld(square, 'sandbox'),
    squareProduction: seedBasicWorld(square, 'production'),
  };
}

/** Every event the core emits, forwarded to the page as the preload would. */
const FORWARDED_EVENTS = [
  'credentials.changed',
  'clipboard.cleared',
  'keychain.changed',
  'inspection.progress',
  'inspection.finished',
  'expiry.warnings',
] as const;

/**
 * A minimal vendor stand-in on loopback for the one call the UI can trigger today (network.check:
 * GET / on the API host, no credential). Square sandbox answers 404 like a real API root; Clover
 * sandbox answers 200; Square production points at a closed port (connection refused).
 */
export interface VendorStandIn {
  endpoints: Record<string, string>;
  hits: { method: string; url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

async function startVendorStandIn(): Promise<VendorStandIn> {
  const hits: VendorStandIn['hits'] = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const status = req.url?.startsWith('/clover-sandbox') ? 200 : 404;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? '{}' : '{"errors":[{"code":"NOT_FOUND"}]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A port that was just free and is now closed: connections to it are refused.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return {
    endpoints: {
      'square.sandbox': `http://127.0.0.1:${port}/square-sandbox`,
      'clover.sandbox': `http://127.0.0.1:${port}/clover-sandbox`,
      'square.production': `http://127.0.0.1:${closedPort}`,
    },
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const test = base.extend<{ mk: MkApp; emulators: boolean }, { renderer: StaticServer; vendor: VendorStandIn }>({
  /** `test.use({ emulators: true })`: the core talks to the local Clover and Square (mk.vendors). */
  emulators: [false, { option: true }],

  vendor: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const v = await startVendorStandIn();
      await use(v);
      await v.close();
    },
    { scope: 'worker' },
  ],

  renderer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  mk: async ({ page, renderer, vendor, emulators }, use) => {
    assertPrivateKeyring();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-e2e-data-'));
    const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-e2e-files-'));
    const service = uniqueService('e2e');
    const clipboard = createFakeClipboard();
    const keychain = createSwitchableKeychain(service);
    let dialogFile: string | null = null;
    const events: MkApp['events'] = [];
    let offs: (() => void)[] = [];
    const vendors = emulators ? await startVendors() : null;
    const opened: string[] = [];
    let browserVisit: ((url: string) => Promise<void>) | null = null;

    /** A core on the shared folder and keyring whose events reach the page (window.__mkDeliver). */
    async function startCore(): Promise<Core> {
      const core = await createCore({
        dataDir,
        secretStore: keychain.store,
        clipboard,
        dialogs: { openFile: async () => dialogFile },
        version: '0.1.0',
        endpoints: vendors
          ? { ...vendor.endpoints, ...vendors.clover.endpoints(), ...vendors.square.endpoints() }
          : vendor.endpoints,
        allowLoopbackHttp: true,
        timing: {
          httpTimeoutMs: 3_000,
          httpRetryBaseDelayMs: 20,
          chargeResendDelayMs: 20,
          oauthCallbackTimeoutMs: 15_000,
        },
        openAuthorizeUrl: async (url) => {
          opened.push(url);
          // Like a browser: the visit happens beside the app, never inside the core's call.
          if (browserVisit) void browserVisit(url).catch(() => undefined);
        },
      });
      offs = FORWARDED_EVENTS.map((event) =>
        core.on(event, (payload: unknown) => {
          events.push({ event, payload });
          page
            .evaluate(
              ([e, p]) => {
                const g = globalThis as unknown as { __mkDeliver?: (e: string, p: unknown) => void };
                g.__mkDeliver?.(e as string, p);
              },
              [event, payload] as const,
            )
            .catch(() => undefined); // the page may be navigating or closed
        }),
      );
      return core;
    }

    const app: MkApp = {
      page,
      core: await startCore(),
      keychain,
      async restartCore() {
        offs.forEach((off) => off());
        await app.core.close();
        app.core = await startCore();
      },
      dataDir,
      service,
      clipboard,
      ipc: [],
      events,
      consoleLines: [],
      allowConsoleErrors: false,
      filesDir,
      vendors,
      opened,
      setBrowser: (visit) => void (browserVisit = visit),
      setDialogFile: (f) => void (dialogFile = f),
      async prepareImportFile(name, content) {
        const file = path.join(filesDir, name);
        await fs.writeFile(file, content, { mode: 0o600 });
        dialogFile = file;
        return file;
      },
      async open() {
        await page.goto(renderer.url);
        await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
        await expect(page.getByRole('status', { name: /^Keychain / })).not.toHaveText(/Checking/);
        await expect(page.getByText('Loading credentials…')).toHaveCount(0);
      },
      async screenshot(name) {
        await fs.mkdir(SCREENS_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
      },
    };

    page.on('console', (m) => app.consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => app.consoleLines.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) app.consoleLines.push(`error: HTTP ${r.status()} ${r.url()}`);
    });

    await page.exposeFunction('__mkInvoke', async (channel: string, payload: unknown) => {
      const response = await app.core.invoke(channel, payload);
      app.ipc.push({ channel, payload, response });
      return response;
    });
    await page.addInitScript({ content: bridgeBundle() });

    try {
      await use(app);
    } finally {
      offs.forEach((off) => off());
      keychain.fault = null;
      await app.core.close();
      await emptyService(service);
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(filesDir, { recursive: true, force: true });
      await vendors?.clover.close();
      await vendors?.square.close();
    }
    if (!app.allowConsoleErrors) {
      const errors = app.consoleLines.filter((l) => l.startsWith('error:') || l.startsWith('pageerror:'));
      expect(errors, 'console errors (CSP violations, React errors, uncaught exceptions)').toEqual([]);
    }
  },
});
