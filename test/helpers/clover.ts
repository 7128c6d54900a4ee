// A real core wired to the local Clover (test/emulators/clover) and the private keychain, plus the
// steps most Clover tests repeat: importing credentials from a .env file (the way users do) and
// confirming them, and a "browser" that follows the authorize page the way a person would.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CredentialView } from '@shared/contract';
import type { CoreOptions } from '../../src-main/core';
import { startCloverEmulator, type CloverEmulator, type CloverEmulatorOptions } from '../emulators/clover';
import { startCore, type CoreFixture } from './core-fixture';

export interface CloverFixture {
  clover: CloverEmulator;
  f: CoreFixture;
  /** URLs the core asked the browser to open. */
  opened: string[];
  cleanup(): Promise<void>;
}

export async function startCloverCore(
  o: {
    emulator?: CloverEmulatorOptions;
    core?: Partial<CoreOptions> | ((service: string) => Partial<CoreOptions>);
    browser?: (url: string) => Promise<void>;
  } = {},
): Promise<CloverFixture> {
  const clover = await startCloverEmulator(o.emulator);
  const opened: string[] = [];
  const f = await startCore((service) => ({
    endpoints: clover.endpoints(),
    allowLoopbackHttp: true,
    timing: { httpTimeoutMs: 3_000, httpRetryBaseDelayMs: 20 },
    openAuthorizeUrl: async (url) => {
      opened.push(url);
      if (o.browser) await o.browser(url);
    },
    ...(typeof o.core === 'function' ? o.core(service) : o.core),
  }));
  return {
    clover,
    f,
    opened,
    async cleanup() {
      await f.cleanup();
      await clover.close();
    },
  };
}

/** Imports KEY=value lines through credentials.importFromFile; answers the pending views. */
export async function importEnv(
  f: CoreFixture,
  lines: Record<string, string>,
  name = 'clover.env',
): Promise<CredentialView[]> {
  const file = path.join(f.dataDir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  await fs.writeFile(
    file,
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  f.setDialogFile(file);
  const r = await f.call('credentials.importFromFile', {});
  await fs.rm(file, { force: true });
  return r.pending.map((p) => p.credential);
}

/** Confirms pending credentials as they were proposed, in `environment`. */
export async function confirmAll(
  f: CoreFixture,
  views: CredentialView[],
  environment: 'sandbox' | 'production' = 'sandbox',
): Promise<CredentialView[]> {
  const out: CredentialView[] = [];
  for (const v of views) {
    const pk =
      v.provider === 'clover'
        ? { provider: 'clover' as const, kind: v.kind }
        : { provider: 'square' as const, kind: v.kind };
    out.push(await f.call('credentials.confirm', { id: v.id, ...pk, environment, label: v.label }));
  }
  return out;
}

/** Imports and confirms; answers the views by kind (the first of each). */
export async function addClover(
  f: CoreFixture,
  lines: Record<string, string>,
  environment: 'sandbox' | 'production' = 'sandbox',
): Promise<Record<string, CredentialView>> {
  const views = await confirmAll(f, await importEnv(f, lines), environment);
  return Object.fromEntries(views.map((v) => [v.kind, v]));
}

/**
 * What a person's browser does with the authorize URL: load the page, press Allow (the form's
 * POST), and follow the redirect to wherever it points (the app's loopback listener). `tamper`
 * may change the redirect URL first (e.g. a forged state).
 */
export function browser(o: { tamper?: (redirect: URL) => URL } = {}) {
  return async (url: string): Promise<void> => {
    const pageRes = await fetch(url);
    const html = await pageRes.text();
    if (!pageRes.ok) throw new Error(`authorize page answered ${pageRes.status}`);
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
      form.set(decode(m[1]!), decode(m[2]!));
    form.set('decision', 'allow');
    const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)![1]!, url);
    const allow = await fetch(action, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const location = allow.headers.get('location');
    if (allow.status !== 302 || !location) throw new Error(`Allow answered ${allow.status}`);
    const target = o.tamper ? o.tamper(new URL(location)) : new URL(location);
    await (await fetch(target)).text();
  };
}

const decode = (s: string): string => s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
