// Parts 3 and 4: the renderer bundle's gzip size, and the time to the first list render in
// Chromium (Playwright) with the page bridged to a real core through exposeFunction.
import { startStaticServer } from '../test/e2e/static-server';
import { BRIDGE_ENTRY, bridgeBundle } from '../test/e2e/bridge-bundle';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
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
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--password-store=basic',
];

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
  const sourcesAt = Math.max(
    ...['src-renderer', 'src-main/shared', 'electron.vite.config.ts', 'package.json'].map((p) =>
      newestMtime(path.join(ROOT, p)),
    ),
  );
  if (builtAt && builtAt >= sourcesAt) {
    console.log(`  renderer: using out/renderer (built ${new Date(builtAt).toISOString()}, newer than its sources)`);
    return null;
  }
  const why = builtAt ? 'older than its sources' : 'missing';
  if (!allowBuild)
    return builtAt
      ? (console.log(`  renderer: out/renderer is ${why}; using it anyway (--no-build)`), null)
      : 'out/renderer missing (--no-build)';
  console.log(`  renderer: out/renderer is ${why}; running npx electron-vite build ...`);
  const t0 = performance.now();
  const r = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-15)
      .map((l) => `    | ${l}`)
      .join('\n');
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
  const files = fs
    .readdirSync(ASSETS_DIR)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort();
  if (files.length === 0) return void console.log('  skipped: no .js or .css files in out/renderer/assets');
  const rows: string[][] = [['file', 'raw', 'gzip']];
  let raw = 0,
    gz = 0;
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
      if (buf.length > 50_000 && lines > buf.length / 200)
        notes.push(`${f} looks unminified (${lines.toLocaleString('en')} lines)`);
      if (/\$ZodError|ZodError/.test(text))
        notes.push(
          `${f} contains zod (a runtime import from @shared/contract pulls it in; the renderer should import types only)`,
        );
    }
  }
  rows.push(['TOTAL (.js + .css)', kb(raw), kb(gz)]);
  console.log(table(rows));
  for (const n of notes) console.log(`  note: ${n}`);
}

// ---- 4. first list render ---------------------------------------------------------------------

// What "first list render" means here. The table shows a long list a page at a time
// (src-renderer/features/credentials/CredentialTable.tsx), so "N rows in the DOM" is not the
// measure. Instead: the table states the right total (aria-rowcount, or N rows when
// every row is rendered) AND data rows fill the part of the table that is in view, with no gap.
// The old measure also stopped in the animation-frame callback, before that frame's style,
// layout and paint (for 1,000 fully rendered rows, another ~1 s); this one records both.
//
// The probe is injected as an init script (a string, like the bridge: injected scripts are not
// subject to the page's CSP, and it must start before the renderer does). Every animation frame
// it checks the table; the first time the check passes it records `seenAt` (in that rAF callback),
// and `paintedAt` in the next task, i.e. after that frame's style, layout and paint.
function firstScreenProbe(n: number): string {
  return `(() => {
  const N = ${n};
  const state = (window.__mkFirstScreen = { seenAt: 0, paintedAt: 0, total: -1, rendered: 0 });
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowY;
      if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
    }
    return null;
  };
  const check = () => {
    const table = document.querySelector('table[aria-label="Credentials"]');
    const body = table && table.tBodies[0];
    if (!body) return false;
    const rows = [...body.rows].filter((r) => r.getAttribute('aria-hidden') !== 'true');
    const count = table.getAttribute('aria-rowcount');
    state.total = count === null ? rows.length : Number(count) - (table.tHead ? table.tHead.rows.length : 0);
    state.rendered = rows.length;
    if (state.total !== N || rows.length === 0) return false;
    const s = scroller(table);
    const view = s ? s.getBoundingClientRect() : { top: 0, bottom: innerHeight };
    const box = body.getBoundingClientRect();
    const top = Math.max(box.top, view.top, 0);
    const bottom = Math.min(box.bottom, view.bottom, innerHeight);
    let covered = top;
    for (const r of rows) {
      const b = r.getBoundingClientRect();
      if (b.bottom <= covered) continue;
      if (b.top > covered + 1) return false;
      covered = b.bottom;
      if (covered >= bottom) break;
    }
    return covered >= bottom - 1;
  };
  const tick = () => {
    if (!check()) return void requestAnimationFrame(tick);
    state.seenAt = performance.now();
    setTimeout(() => { state.paintedAt = performance.now(); }, 0);
  };
  requestAnimationFrame(tick);
})();`;
}

// Node-side readers, passed as functions (a string would need 'unsafe-eval', which the renderer's
// CSP rightly forbids). No nested functions: tsx's keepNames would add a __name() helper the page
// does not have.
type Probe = { seenAt: number; paintedAt: number; total: number; rendered: number };
const probeDone = (): boolean =>
  ((globalThis as unknown as { __mkFirstScreen?: Probe }).__mkFirstScreen?.paintedAt ?? 0) > 0;
const readProbe = (): Probe | null => (globalThis as unknown as { __mkFirstScreen?: Probe }).__mkFirstScreen ?? null;

/**
 * How the page reaches the core. Electron's IPC hands the renderer a structured clone; Playwright's
 * exposeFunction instead serialises a returned object into its own protocol format, which for a
 * 1,000-item list costs the page several hundred ms that the app does not pay. 'json' returns JSON
 * text and parses it in the page (close to the app); 'object' is the plain exposeFunction the
 * end-to-end tests use (and this bench used before). The bridge code is the same either way.
 */
type Transport = 'json' | 'object';

export async function benchFirstRender(
  cleanup: Cleanup,
  skipReason: string | null,
  opts: { n: number; runs: number; timeoutMs: number },
): Promise<boolean> {
  heading(`4. Time to first list render in Chromium with ${opts.n.toLocaleString('en')} credentials`);
  if (skipReason) {
    console.log(`  skipped: ${skipReason}`);
    return true;
  }
  console.log(
    '  metadata seeded directly + in-memory SecretStore: listing never touches the keychain (part 1 checks that).',
  );
  const dataDir = await makeTempDir('render');
  cleanup.add(`temp dir ${dataDir}`, () => fsp.rm(dataDir, { recursive: true, force: true }));
  await seedIndex(dataDir, opts.n);
  const store = countingStore(memoryStore('merchant-keychain-bench-memory'));
  const core = await createCore({ dataDir, secretStore: store, clipboard: createMemoryClipboard() });
  cleanup.add('render core', () => core.close());
  const keychainCallsAtStart = store.calls();

  const code = bridgeBundle();
  const entry = path.relative(ROOT, BRIDGE_ENTRY);
  const server = await startStaticServer(RENDERER_DIR);
  cleanup.add('static server', () => server.close());
  let browser: Browser | null = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanup.add('browser', () => browser?.close());
  console.log(`  chromium ${browser.version()}, bridge entry ${entry}, served from ${server.url}`);

  type Result = { seen: number; painted: number; node: number; dcl: number; rendered: number };
  const results: Record<Transport, Result[]> = { json: [], object: [] };
  const channels = new Map<string, number>();
  const problems: string[] = [];
  let ok = true;
  const probe = firstScreenProbe(opts.n);
  // Interleaved, so a machine that slows down part-way affects both transports alike.
  const plan: Transport[] = [];
  for (let i = 0; i < opts.runs; i++) plan.push('json', 'object');
  for (const [k, transport] of plan.entries()) {
    const run = `${transport} run ${Math.floor(k / 2) + 1}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${run}: page error: ${e.message.slice(0, 200)}`));
      page.on(
        'console',
        (m) =>
          void (
            m.type() === 'error' &&
            !/^Failed to load resource/.test(m.text()) &&
            problems.push(`${run}: console error: ${m.text().slice(0, 200)}`)
          ),
      );
      page.on(
        'response',
        (r) => void (r.status() >= 400 && problems.push(`${run}: HTTP ${r.status()} for ${new URL(r.url()).pathname}`)),
      );
      const invoke = (channel: string, payload: unknown): Promise<unknown> => {
        if (k === 0) channels.set(channel, (channels.get(channel) ?? 0) + 1);
        return core.invoke(channel, payload);
      };
      if (transport === 'json') {
        await page.exposeFunction('__mkInvokeJson', async (channel: string, payload: unknown) =>
          JSON.stringify(await invoke(channel, payload)),
        );
        await page.addInitScript({
          content:
            'window.__mkInvoke = (channel, payload) => window.__mkInvokeJson(channel, payload).then(JSON.parse);',
        });
      } else {
        await page.exposeFunction('__mkInvoke', invoke);
      }
      await page.addInitScript({ content: code });
      await page.addInitScript({ content: probe });
      const t0 = performance.now();
      await page.goto(server.url, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(probeDone, undefined, { polling: 'raf', timeout: opts.timeoutMs });
      } catch (e) {
        problems.push(
          `${run}: waitForFunction: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300)}`,
        );
        const state = await page.evaluate(readProbe).catch(() => null);
        const text = await page.evaluate('document.body ? document.body.innerText : ""').catch(() => '');
        problems.push(
          `${run}: no first screenful of the ${opts.n} credentials within ${opts.timeoutMs / 1000} s (table total ${state?.total ?? 'unknown'}, data rows rendered ${state?.rendered ?? 'unknown'}); page text: ${JSON.stringify(String(text).replace(/\s+/g, ' ').slice(0, 300))}`,
        );
        ok = false;
        break;
      }
      const node = performance.now() - t0;
      const state = (await page.evaluate(readProbe))!;
      const dcl = Number(
        await page.evaluate(
          `(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.domContentLoadedEventEnd : NaN; })()`,
        ),
      );
      results[transport].push({ seen: state.seenAt, painted: state.paintedAt, node, dcl, rendered: state.rendered });
    } finally {
      await context.close();
    }
  }
  await browser.close();
  browser = null;
  await server.close();
  await core.close();

  const json = results.json;
  const obj = results.object;
  if (json.length) {
    const row = (label: string, values: number[]): string[] => [
      label,
      ms(median(values)),
      ms(percentile(values, 95)),
      values.map((v) => v.toFixed(0)).join(', '),
    ];
    const rows: string[][] = [['measure (page clock unless noted)', 'median', 'p95', 'runs (ms)']];
    rows.push(
      row(
        `nav start -> first screenful + total ${opts.n} shown, after that frame's layout+paint`,
        json.map((r) => r.painted),
      ),
    );
    rows.push(
      row(
        '  the same, seen in the animation frame (before its layout+paint)',
        json.map((r) => r.seen),
      ),
    );
    rows.push(
      row(
        '  page.goto() call -> first screenful painted (Node clock)',
        json.map((r) => r.node),
      ),
    );
    rows.push(
      row(
        '  nav start -> DOMContentLoaded end',
        json.map((r) => r.dcl),
      ),
    );
    if (obj.length) {
      rows.push(
        row(
          'with the object transport (as before): first screenful, after layout+paint',
          obj.map((r) => r.painted),
        ),
      );
      rows.push(
        row(
          '  the same, seen in the animation frame (before its layout+paint)',
          obj.map((r) => r.seen),
        ),
      );
    }
    console.log(table(rows));
    const rendered = [...new Set(json.map((r) => r.rendered))].join(' / ');
    console.log(
      `  "first screenful": the table states ${opts.n} credentials (aria-rowcount, or ${opts.n} rows if it renders them all) and data rows fill`,
    );
    console.log(
      `  the part of it in view, with no gap. Data rows in the DOM at that point: ${rendered} (of ${opts.n}).`,
    );
    console.log(
      `  transport: page <- core as JSON text, parsed in the page (close to Electron's IPC); "object transport" is Playwright's`,
    );
    console.log(`  own serialisation of the returned list (what the e2e tests use), which adds its cost to every run.`);
    console.log(
      `  each run: fresh browser context (cold cache), 1280x800 viewport, checked every animation frame; ${opts.runs} runs per transport, interleaved`,
    );
    console.log(
      `  IPC calls made by the page in run 1: ${[...channels].map(([c, n]) => `${c} x${n}`).join(', ') || 'none'}`,
    );
    console.log(
      `  keychain calls: ${keychainCallsAtStart} at core start, ${store.calls() - keychainCallsAtStart} while rendering`,
    );
    if (median(json.map((r) => r.painted)) > 1000)
      warn(
        `first render of ${opts.n} credentials takes ${ms(median(json.map((r) => r.painted)))} (median), over this bench's 1 s mark`,
      );
  }
  const seen = new Map<string, number>();
  for (const p of problems) {
    const key = p.replace(/^(json|object) run \d+: ?/, '');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [p, n] of [...seen].slice(0, 20)) console.log(`  page problem${n > 1 ? ` (x${n} runs)` : ''}: ${p}`);
  if (!ok) warn(`the renderer did not show the first screenful of ${opts.n} credentials`);
  return ok;
}
