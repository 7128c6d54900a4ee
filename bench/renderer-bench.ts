// Parts 3 and 4: the renderer bundle's gzip size, and the time to the first list render in
// Chromium (Playwright) with the page bridged to a real core through exposeFunction.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createCore } from '../src-main/core';
import { createMemoryClipboard } from '../src-main/clipboard/clipboard-guard';
import { countingStore, memoryStore } from './counting-store';
import { makeTempDir, seedIndex } from './seed';
import { heading, kb, median, ms, percentile, table, warn } from './stats';
import type { Cleanup } from './core-bench';

export const ROOT = path.resolve(__dirname, '..');
export const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const ASSETS_DIR = path.join(RENDERER_DIR, 'assets');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--password-store=basic'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/**
 * Makes sure out/renderer exists and is not older than its sources; builds it with
 * `npx electron-vite build` when needed. Returns null when usable, else why it is not.
 */
export function ensureRenderer(allowBuild: boolean): string | null {
  const index = path.join(RENDERER_DIR, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...['src-renderer', 'src-main/ipc', 'src-main/bridge', 'electron.vite.config.ts', 'package.json'].map((p) => newestMtime(path.join(ROOT, p))));
  if (builtAt && builtAt >= sourcesAt) {
    console.log(`  renderer: using out/renderer (built ${new Date(builtAt).toISOString()}, newer than its sources)`);
    return null;
  }
  const why = builtAt ? 'older than its sources' : 'missing';
  if (!allowBuild) return builtAt ? (console.log(`  renderer: out/renderer is ${why}; using it anyway (--no-build)`), null) : 'out/renderer missing (--no-build)';
  console.log(`  renderer: out/renderer is ${why}; running npx electron-vite build ...`);
  const t0 = performance.now();
  const r = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).map((l) => `    | ${l}`).join('\n');
    console.log(`  renderer: npx electron-vite build FAILED (exit ${r.status ?? r.signal})\n${tail}`);
    return fs.existsSync(index) ? null : 'out/renderer missing (npx electron-vite build failed)';
  }
  console.log(`  renderer: built in ${ms(performance.now() - t0)}`);
  return fs.existsSync(index) ? null : 'out/renderer missing after build';
}

// ---- 3. bundle size --------------------------------------------------------------------------
export function benchBundle(skipReason: string | null): void {
  heading('3. Renderer bundle size (out/renderer/assets, gzip via node:zlib, default level 6)');
  if (skipReason) return void console.log(`  skipped: ${skipReason}`);
  const files = fs.readdirSync(ASSETS_DIR).filter((f) => /\.(js|css)$/.test(f)).sort();
  if (files.length === 0) return void console.log('  skipped: no .js or .css files in out/renderer/assets');
  const rows: string[][] = [['file', 'raw', 'gzip']];
  let raw = 0, gz = 0;
  const notes: string[] = [];
  for (const f of files) {
    const buf = fs.readFileSync(path.join(ASSETS_DIR, f));
    const g = zlib.gzipSync(buf).length;
    raw += buf.length;
    gz += g;
    rows.push([f, kb(buf.length), kb(g)]);
    if (f.endsWith('.js')) {
      const text = buf.toString('utf8');
      const lines = text.split('\n').length;
      if (buf.length > 50_000 && lines > buf.length / 200) notes.push(`${f} looks unminified (${lines.toLocaleString('en')} lines)`);
      if (/\$ZodError|ZodError/.test(text)) notes.push(`${f} contains zod (a runtime import from src-main/ipc/contract pulls it in; the renderer should import types only)`);
    }
  }
  rows.push(['TOTAL (.js + .css)', kb(raw), kb(gz)]);
  console.log(table(rows));
  for (const n of notes) console.log(`  note: ${n}`);
}

// ---- 4. first list render ---------------------------------------------------------------------
function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

async function bridgeBundle(): Promise<{ code: string; entry: string }> {
  const e2e = path.join(ROOT, 'test/e2e/bridge-entry.ts');
  // The same bridge code the end-to-end tests inject (one implementation, DESIGN.md).
  const entry = e2e;
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  return { code: out.outputFiles[0]!.text, entry: path.relative(ROOT, entry) };
}

// Page-side predicate, passed as a function (a string would need 'unsafe-eval', which the
// renderer's CSP rightly forbids). It counts rows of the credentials table and, once there are
// at least `n`, returns performance.now() (ms since navigation start). No nested functions here:
// tsx's keepNames would add a __name() helper the page does not have.
type PageDoc = { querySelector(s: string): { querySelectorAll(s: string): { length: number } } | null; querySelectorAll(s: string): { length: number } };
const rowsReady = (n: number): number | false => {
  const doc = (globalThis as unknown as { document: PageDoc }).document;
  const t = doc.querySelector('table[aria-label="Credentials"]') ?? doc.querySelector('table.credentials-table');
  const rows = (t ?? doc).querySelectorAll('tbody tr').length;
  return rows >= n ? performance.now() : false;
};

export async function benchFirstRender(cleanup: Cleanup, skipReason: string | null, opts: { n: number; runs: number; timeoutMs: number }): Promise<boolean> {
  heading(`4. Time to first list render in Chromium with ${opts.n.toLocaleString('en')} credentials`);
  if (skipReason) {
    console.log(`  skipped: ${skipReason}`);
    return true;
  }
  console.log('  metadata seeded directly + in-memory SecretStore: listing never touches the keychain (part 1 checks that).');
  const dataDir = await makeTempDir('render');
  cleanup.add(`temp dir ${dataDir}`, () => fsp.rm(dataDir, { recursive: true, force: true }));
  await seedIndex(dataDir, opts.n);
  const store = countingStore(memoryStore('merchant-keychain-bench-memory'));
  const core = await createCore({ dataDir, secretStore: store, clipboard: createMemoryClipboard() });
  cleanup.add('render core', () => core.close());
  const keychainCallsAtStart = store.calls();

  const { code, entry } = await bridgeBundle();
  const server = await serveStatic(RENDERER_DIR);
  cleanup.add('static server', () => server.close());
  let browser: Browser | null = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanup.add('browser', () => browser?.close());
  console.log(`  chromium ${browser.version()}, bridge entry ${entry}, served from ${server.url}`);

  const pageMs: number[] = [], nodeMs: number[] = [], dclMs: number[] = [];
  const channels = new Map<string, number>();
  const problems: string[] = [];
  let ok = true;
  for (let run = 1; run <= opts.runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`run ${run} page error: ${e.message.slice(0, 200)}`));
      page.on('console', (m) => void (m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(`run ${run} console error: ${m.text().slice(0, 200)}`)));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`run ${run} HTTP ${r.status()} for ${new URL(r.url()).pathname}`)));
      await page.exposeFunction('__mkInvoke', (channel: string, payload: unknown) => {
        if (run === 1) channels.set(channel, (channels.get(channel) ?? 0) + 1);
        return core.invoke(channel, payload);
      });
      await page.addInitScript({ content: code });
      const t0 = performance.now();
      await page.goto(server.url, { waitUntil: 'commit' });
      let handle;
      try {
        handle = await page.waitForFunction(rowsReady, opts.n, { polling: 'raf', timeout: opts.timeoutMs });
      } catch (e) {
        problems.push(`run ${run}: waitForFunction: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300)}`);
        const seen = await page.evaluate('document.querySelectorAll("tbody tr").length').catch(() => 'unknown');
        const text = await page.evaluate('document.body ? document.body.innerText : ""').catch(() => '');
        problems.push(`run ${run}: the table did not show ${opts.n} rows within ${opts.timeoutMs / 1000} s (rows seen: ${String(seen)}); page text: ${JSON.stringify(String(text).replace(/\s+/g, ' ').slice(0, 300))}`);
        ok = false;
        break;
      }
      nodeMs.push(performance.now() - t0);
      pageMs.push(Number(await handle.jsonValue()));
      dclMs.push(Number(await page.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.domContentLoadedEventEnd : NaN; })()`)));
      if (run === 1) {
        const exact = await page.evaluate(rowsReady, opts.n + 1).catch(() => null);
        if (exact) problems.push(`run 1: the table shows more than ${opts.n} rows`);
      }
    } finally {
      await context.close();
    }
  }
  await browser.close();
  browser = null;
  await server.close();
  await core.close();

  if (pageMs.length) {
    console.log(table([
      ['measure', 'median', 'p95', 'runs (ms)'],
      [`navigation start -> ${opts.n} rows (page clock)`, ms(median(pageMs)), ms(percentile(pageMs, 95)), pageMs.map((v) => v.toFixed(0)).join(', ')],
      ['page.goto() call -> rows seen (Node clock)', ms(median(nodeMs)), ms(percentile(nodeMs, 95)), nodeMs.map((v) => v.toFixed(0)).join(', ')],
      ['navigation start -> DOMContentLoaded end', ms(median(dclMs)), ms(percentile(dclMs, 95)), dclMs.map((v) => v.toFixed(0)).join(', ')],
    ]));
    console.log(`  each run: fresh browser context (cold cache), 1280x800 viewport, rows polled every animation frame`);
    console.log(`  IPC calls made by the page in run 1: ${[...channels].map(([c, n]) => `${c} x${n}`).join(', ') || 'none'}`);
    console.log(`  keychain calls: ${keychainCallsAtStart} at core start, ${store.calls() - keychainCallsAtStart} while rendering`);
    if (median(pageMs) > 1000) warn(`first render of ${opts.n} rows takes ${ms(median(pageMs))} (median), over this bench's 1 s mark; the table renders every row (no virtualisation)`);
  }
  const seen = new Map<string, number>();
  for (const p of problems) seen.set(p.replace(/^run \d+:? ?/, ''), (seen.get(p.replace(/^run \d+:? ?/, '')) ?? 0) + 1);
  for (const [p, n] of [...seen].slice(0, 20)) console.log(`  page problem${n > 1 ? ` (x${n} runs)` : ''}: ${p}`);
  if (!ok) warn(`the renderer did not show ${opts.n} rows`);
  return ok;
}
