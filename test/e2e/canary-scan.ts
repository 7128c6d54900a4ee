// The scanner behind the canary test (DESIGN invariant 1): collects every place the renderer or
// the on-disk metadata could hold a value, and looks for known secret values in all of them.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MkApp } from './fixtures';

export interface Haystack {
  where: string;
  text: string;
}

export interface Hit {
  secret: string;
  needle: string;
  where: string;
}

/**
 * What to look for per secret: the whole value, and its middle (what a fingerprint never shows:
 * fingerprints keep at most the first 8 and the last 4 characters), so a truncated or partly
 * masked copy is caught too.
 */
export function needlesFor(value: string): string[] {
  const out = [value];
  if (value.length >= 20) out.push(value.slice(8, -4));
  return out;
}

export function scan(haystacks: Haystack[], secrets: Record<string, string>): Hit[] {
  const hits: Hit[] = [];
  for (const [secret, value] of Object.entries(secrets)) {
    for (const needle of needlesFor(value)) {
      for (const h of haystacks) if (h.text.includes(needle)) hits.push({ secret, needle, where: h.where });
    }
  }
  return hits;
}

type PageGlobals = {
  document: {
    title: string;
    documentElement: { outerHTML: string };
    querySelectorAll(sel: string): ArrayLike<{ value: string; tagName: string; name?: string; id?: string }>;
  };
  localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  __mkStoreSnapshot?: () => unknown;
  location: { href: string };
};

/** DOM (markup + live form values), the zustand store snapshot, web storage, the URL. */
export async function collectPage(page: Page): Promise<Haystack[]> {
  const got = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const dump = (s: PageGlobals['localStorage']): string => {
      const out: Record<string, string | null> = {};
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out[k] = s.getItem(k);
      }
      return JSON.stringify(out);
    };
    const values = Array.from(g.document.querySelectorAll('input, select, textarea')).map(
      (el) => `${el.tagName}#${el.id ?? ''}=${el.value}`,
    );
    return {
      html: g.document.documentElement.outerHTML,
      values: values.join('\n'),
      title: g.document.title,
      url: g.location.href,
      store: typeof g.__mkStoreSnapshot === 'function' ? JSON.stringify(g.__mkStoreSnapshot()) : null,
      localStorage: dump(g.localStorage),
      sessionStorage: dump(g.sessionStorage),
    };
  });
  if (got.store === null)
    throw new Error('window.__mkStoreSnapshot is missing: the store did not register its test hook');
  return [
    { where: 'dom', text: got.html },
    { where: 'dom:form-values', text: got.values },
    { where: 'dom:title+url', text: `${got.title}\n${got.url}` },
    { where: 'store', text: got.store },
    { where: 'localStorage', text: got.localStorage },
    { where: 'sessionStorage', text: got.sessionStorage },
  ];
}

/** Every IPC request and response the page exchanged, every event main pushed, the console. */
export function collectRecords(mk: MkApp): Haystack[] {
  return [
    ...mk.ipc.map((r, i) => ({ where: `ipc[${i}] ${r.channel}`, text: JSON.stringify(r) })),
    ...mk.events.map((e, i) => ({ where: `event[${i}] ${e.event}`, text: JSON.stringify(e) })),
    { where: 'console', text: mk.consoleLines.join('\n') },
  ];
}

/** Every file under the data folder (audit.log, credentials.json, temp files, anything else). */
export async function collectDataDir(dir: string): Promise<Haystack[]> {
  const out: Haystack[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push({ where: `file:${path.relative(dir, p)}`, text: await fs.readFile(p, 'latin1') });
    }
  };
  await walk(dir);
  return out;
}
