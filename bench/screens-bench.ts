// Part 6: the screens people live in (issue #10), in Chromium against a real core (JSON transport,
// as in part 4), each as a ratio to an empty vault measured in the same run:
//   - the credentials table: nav start -> first screenful with 5,000 credentials (target <= 1.5x
//     the empty vault's first screen), and filtering it by text, per keystroke (target <= 50 ms);
//   - the keychain diagram with 500 credentials: click -> nodes drawn (target <= 500 ms), and the
//     frame times while panning it by mouse (p95 <= 16 ms).
// Figures only; nothing here asserts.
import fsp from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../src-main/core';
import { createMemoryClipboard } from '../src-main/clipboard/clipboard-guard';
import { startStaticServer } from '../test/e2e/static-server';
import { bridgeBundle } from '../test/e2e/bridge-bundle';
import { memoryStore } from './counting-store';
import type { Cleanup } from './core-bench';
import { RENDERER_DIR } from './renderer-bench';
import { makeTempDir, seedIndex } from './seed';
import { heading, median, ms, percentile, table } from './stats';

// The page's globals, typed only as far as the in-page functions below use them (tsconfig.node has
// no DOM lib, and these declarations stay local to this module).
interface PageElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): { length: number };
  dispatchEvent(event: Event): boolean;
  click(): void;
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { length: number };
  body: { innerText: string };
};
declare const window: { __t0: number; __frames: number[]; __rec: boolean; __recStart(): void };
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare const HTMLInputElement: { prototype: object };

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function coreWith(cleanup: Cleanup, n: number): Promise<Core> {
  const dataDir = await makeTempDir(`screens-${n}`);
  cleanup.add(`temp dir ${dataDir}`, () => fsp.rm(dataDir, { recursive: true, force: true }));
  await seedIndex(dataDir, n);
  const core = await createCore({
    dataDir,
    secretStore: memoryStore(`mk-bench-screens-${n}`),
    clipboard: createMemoryClipboard(),
  });
  cleanup.add(`core ${n}`, () => core.close());
  return core;
}

async function openPage(browser: Browser, url: string, core: Core): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.exposeFunction('__mkInvokeJson', async (c: string, p: unknown) => JSON.stringify(await core.invoke(c, p)));
  await page.addInitScript({ content: 'window.__mkInvoke = (c, p) => window.__mkInvokeJson(c, p).then(JSON.parse);' });
  await page.addInitScript({ content: bridgeBundle() });
  // A frame recorder for the pan measurement (a string: in-page code with a named function).
  await page.addInitScript({
    content:
      'window.__frames = []; window.__rec = false; window.__recStart = () => { window.__frames = []; window.__rec = true;' +
      ' const tick = (t) => { window.__frames.push(t); if (window.__rec) requestAnimationFrame(tick); }; requestAnimationFrame(tick); };',
  });
  return { page, close: () => context.close() };
}

// In-page readers and actions are passed as functions (the CSP forbids eval) with no named
// nested functions (tsx's keepNames would add a helper the page does not have).
const tableReady = (n: number): boolean => {
  if (n === 0) return document.getElementById('empty-title') !== null;
  const t = document.querySelector('table[aria-label="Credentials"]');
  return t !== null && t.getAttribute('aria-rowcount') === String(n + 1) && t.querySelectorAll('tbody th').length > 5;
};

async function firstScreen(browser: Browser, url: string, core: Core, n: number, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { page, close } = await openPage(browser, url, core);
    try {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(tableReady, n, { polling: 'raf', timeout: 60_000 });
      // After that frame's layout and paint: the next frame's start, on the page clock.
      out.push(
        await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))),
      );
    } finally {
      await close();
    }
  }
  return out;
}

/** Types `text` into the search box one character at a time; per keystroke: input -> the list shown after the next frame. */
async function filterKeystrokes(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (t) => {
    const input = document.querySelector('input[placeholder^="Search label"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: number[] = [];
    for (let k = 1; k <= t.length; k++) {
      const t0 = performance.now();
      setter.call(input, t.slice(0, k));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t0);
    }
    return times;
  }, text);
}

async function diagramDraw(
  browser: Browser,
  url: string,
  core: Core,
  n: number,
  runs: number,
): Promise<{ draw: number[]; pan: number[]; nodes: number }> {
  const draw: number[] = [];
  let pan: number[] = [];
  let nodes = 0;
  for (let i = 0; i < runs; i++) {
    const { page, close } = await openPage(browser, url, core);
    try {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: 'Credentials' }).waitFor();
      const button = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Diagram' });
      await button.evaluate((b) => {
        window.__t0 = performance.now();
        (b as unknown as PageElement).click();
      });
      await page.waitForFunction(
        (empty) =>
          empty
            ? document.body.innerText.includes('Nothing to draw yet')
            : document.querySelectorAll('.react-flow__node').length > 0,
        n === 0,
        { polling: 'raf', timeout: 60_000 },
      );
      draw.push(
        await page.evaluate(
          () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - window.__t0))),
        ),
      );
      if (n > 0 && i === runs - 1) {
        nodes = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
        await page.evaluate(() => window.__recStart());
        const box = (await page.locator('.react-flow__pane').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        for (let s = 0; s < 60; s++)
          await page.mouse.move(box.x + box.width / 2 - s * 8, box.y + box.height / 2 - s * 5);
        await page.mouse.up();
        pan = await page.evaluate(() => {
          const w = window;
          w.__rec = false;
          return w.__frames.slice(1).map((t, k) => t - w.__frames[k]!);
        });
      }
    } finally {
      await close();
    }
  }
  return { draw, pan, nodes };
}

export async function benchScreens(
  cleanup: Cleanup,
  skipReason: string | null,
  opts: { tableN: number; diagramN: number; runs: number },
): Promise<boolean> {
  heading(
    `6. Screens: the table with ${opts.tableN.toLocaleString('en')} credentials, the diagram with ${opts.diagramN}`,
  );
  if (skipReason) {
    console.log(`  skipped: ${skipReason}`);
    return true;
  }
  const server = await startStaticServer(RENDERER_DIR);
  cleanup.add('screens static server', () => server.close());
  let browser: Browser | null = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  cleanup.add('screens browser', () => browser?.close());
  const empty = await coreWith(cleanup, 0);
  const big = await coreWith(cleanup, opts.tableN);
  const mid = await coreWith(cleanup, opts.diagramN);

  const e0 = await firstScreen(browser, server.url, empty, 0, opts.runs);
  const t5k = await firstScreen(browser, server.url, big, opts.tableN, opts.runs);
  const { page, close } = await openPage(browser, server.url, big);
  await page.goto(server.url);
  await page.waitForFunction(tableReady, opts.tableN, { polling: 'raf', timeout: 60_000 });
  const keys = await filterKeystrokes(page, 'bench square 4');
  const shownAfter = await page.locator('.filter-count').textContent();
  await close();

  const dEmpty = await diagramDraw(browser, server.url, empty, 0, opts.runs);
  const d = await diagramDraw(browser, server.url, mid, opts.diagramN, opts.runs);
  await browser.close();
  browser = null;

  const r = (x: number[], y: number[]): string => `${(median(x) / median(y)).toFixed(2)}x`;
  console.log(
    table([
      ['measure', 'median', 'p95', 'runs (ms)'],
      [
        'table: nav start -> first screen, empty vault',
        ms(median(e0)),
        ms(percentile(e0, 95)),
        e0.map((v) => v.toFixed(0)).join(', '),
      ],
      [
        `table: nav start -> first screenful, ${opts.tableN.toLocaleString('en')} credentials`,
        ms(median(t5k)),
        ms(percentile(t5k, 95)),
        t5k.map((v) => v.toFixed(0)).join(', '),
      ],
      [`  ratio to empty (target <= 1.5x)`, r(t5k, e0), '', ''],
      [
        `filter by text, per keystroke (${keys.length} keys; target <= 50 ms)`,
        ms(median(keys)),
        ms(percentile(keys, 95)),
        keys.map((v) => v.toFixed(0)).join(', '),
      ],
      [
        `diagram: click -> drawn, empty vault`,
        ms(median(dEmpty.draw)),
        ms(percentile(dEmpty.draw, 95)),
        dEmpty.draw.map((v) => v.toFixed(0)).join(', '),
      ],
      [
        `diagram: click -> drawn, ${opts.diagramN} credentials (target <= 500 ms)`,
        ms(median(d.draw)),
        ms(percentile(d.draw, 95)),
        d.draw.map((v) => v.toFixed(0)).join(', '),
      ],
      [`  ratio to empty`, r(d.draw, dEmpty.draw), '', ''],
      [
        `diagram: frame time while panning (${d.pan.length} frames; target p95 <= 16 ms)`,
        ms(median(d.pan)),
        ms(percentile(d.pan, 95)),
        `max ${Math.max(...d.pan).toFixed(1)}`,
      ],
    ]),
  );
  console.log(
    `  after typing: "${shownAfter}" shown; diagram nodes in the DOM at the start view: ${d.nodes} (only those in view are drawn)`,
  );
  console.log(
    '  first screen: the frame after the table states the full count and shows rows (empty vault: the empty state)',
  );
  console.log(
    '  per keystroke: value set + input event -> two animation frames later (React render, layout and paint done)',
  );
  return true;
}
