// The local Square plus a real core wired to it (private keychain, loopback endpoints, short
// test timings), and the two things tests need that no channel does yet: saving credentials with
// links between them (a token pair, a secret under its application; the generic linked import is
// built separately) and a browser that walks Square's authorize page the way a person would.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { expect } from 'vitest';
import type { SquareKind } from '@shared/vocabulary';
import type { CoreOptions } from '../../src-main/core';
import { newRecord } from '../../src-main/credentials/add-credentials';
import { DEFAULT_SETTINGS, INDEX_FILE } from '../../src-main/vault/metadata-index';
import { RECORD_VERSION } from '../../src-main/vault/stored-record';
import type { StoredCredential } from '../../src-main/vault/stored-record';
import {
  seedBasicWorld,
  startSquareEmulator,
  type BasicWorld,
  type SquareEmulator,
  type SquareEmulatorOptions,
} from '../emulators/square';
import { startCore, type CoreFixture } from './core-fixture';

export const FAST_TIMING: NonNullable<CoreOptions['timing']> = {
  httpTimeoutMs: 1_500,
  httpRetryBaseDelayMs: 10,
  chargeResendDelayMs: 10,
  refreshSaveRetryMs: 600_000, // tests heal the keychain and call again rather than wait
  oauthCallbackTimeoutMs: 5_000,
};

export interface SquareFixture {
  sq: SquareEmulator;
  f: CoreFixture;
  sandbox: BasicWorld;
  production: BasicWorld;
  /** Requests the emulator saw on one environment's listener. */
  requestsOn(environment: 'sandbox' | 'production'): ReturnType<SquareEmulator['requests']>;
  close(): Promise<void>;
}

export async function startSquare(
  o: {
    emulator?: SquareEmulatorOptions;
    core?: Partial<CoreOptions> | ((service: string, dataDir: string) => Partial<CoreOptions>);
  } = {},
): Promise<SquareFixture> {
  const sq = await startSquareEmulator({ oauthRedirects: 'allow-http-loopback', ...o.emulator });
  const sandbox = seedBasicWorld(sq, 'sandbox');
  const production = seedBasicWorld(sq, 'production');
  const f = await startCore((service, dataDir) => ({
    endpoints: sq.endpoints(),
    allowLoopbackHttp: true,
    timing: FAST_TIMING,
    ...(typeof o.core === 'function' ? o.core(service, dataDir) : o.core),
  }));
  return {
    sq,
    f,
    sandbox,
    production,
    requestsOn: (environment) => sq.requests().filter((r) => r.environment === environment),
    async close() {
      await f.cleanup();
      await sq.close();
    },
  };
}

export interface Seed {
  kind: SquareKind;
  value: string;
  environment: 'sandbox' | 'production' | null;
  /** Index in the same seed list of the credential this one belongs to. */
  parent?: number;
  appId?: string | null;
  merchantId?: string | null;
  expiresAt?: string | null;
  label?: string;
}

/**
 * Saves credentials with links, as the linked import will (values in the keychain, records in
 * the index), then restarts the core so it loads them. Returns their ids in seed order.
 */
export async function seedCredentials(
  f: CoreFixture,
  seeds: Seed[],
  extra: Partial<CoreOptions> = {},
): Promise<string[]> {
  const file = path.join(f.dataDir, INDEX_FILE);
  await f.core.close();
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  const index = (
    text ? JSON.parse(text) : { version: RECORD_VERSION, settings: DEFAULT_SETTINGS, credentials: [] }
  ) as { credentials: StoredCredential[] };
  const ids = seeds.map(() => randomUUID());
  const at = new Date().toISOString();
  for (const [i, s] of seeds.entries()) {
    const r = newRecord({
      id: ids[i]!,
      value: s.value,
      source: 'file',
      valueHash: null as unknown as string,
      at,
      proposal: {
        provider: 'square',
        kind: s.kind,
        environment: s.environment,
        confidence: 'documented',
        reason: 'seeded',
      },
      extra: {
        parentId: s.parent === undefined ? null : ids[s.parent]!,
        appId: s.appId ?? null,
        merchantId: s.merchantId ?? null,
        expiresAt: s.expiresAt ?? null,
      },
    });
    index.credentials.push({ ...r, status: 'active', label: s.label ?? `${s.kind} ${i}` } as StoredCredential);
    await keytar.setPassword(f.service, ids[i]!, s.value);
  }
  await fs.writeFile(file, JSON.stringify(index));
  await f.restart(extra);
  return ids;
}

/** A PKCE or code-flow pair issued by the stand-in, saved linked (refresh.parentId = access). */
export async function seedPair(
  fx: SquareFixture,
  o: {
    flow: 'pkce' | 'code';
    scopes?: string[];
    environment?: 'sandbox' | 'production';
    withSecret?: boolean;
    withAppId?: boolean;
  },
): Promise<{
  accessId: string;
  refreshId: string;
  secretId: string | null;
  appCredId: string | null;
  issued: ReturnType<SquareEmulator['issueOAuth']>;
}> {
  const env = o.environment ?? 'sandbox';
  const world = env === 'sandbox' ? fx.sandbox : fx.production;
  const issued = fx.sq.issueOAuth({
    applicationId: world.app.id,
    merchantId: world.merchant.id,
    flow: o.flow,
    scopes: o.scopes ?? ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'],
  });
  const seeds: Seed[] = [
    {
      kind: 'access_token',
      value: issued.accessToken,
      environment: env,
      appId: o.withAppId === false ? null : world.app.id,
      merchantId: world.merchant.id,
      expiresAt: issued.expiresAt,
    },
    {
      kind: 'refresh_token',
      value: issued.refreshToken,
      environment: env,
      parent: 0,
      appId: o.withAppId === false ? null : world.app.id,
      merchantId: world.merchant.id,
      expiresAt: issued.refreshTokenExpiresAt ?? null,
    },
  ];
  if (o.withSecret) {
    seeds.push({ kind: 'application_id', value: world.app.id, environment: env, appId: world.app.id });
    seeds.push({ kind: 'application_secret', value: world.app.secret, environment: env, parent: 2 });
  }
  const ids = await seedCredentials(fx.f, seeds);
  return {
    accessId: ids[0]!,
    refreshId: ids[1]!,
    secretId: o.withSecret ? ids[3]! : null,
    appCredId: o.withSecret ? ids[2]! : null,
    issued,
  };
}

/** The keychain value of a credential (read directly, to compare with the stand-in's state). */
export const keychainValue = async (f: CoreFixture, id: string): Promise<string | null> =>
  keytar.getPassword(f.service, id);

export interface BrowserVisit {
  /** What the seller clicks on the authorize page (default allow). */
  decision?: 'allow' | 'deny';
  /** Changes the state on the way back, as a forged redirect would. */
  tamperState?: boolean;
  /** Status of the page our loopback listener answered with (set once visited). */
  landed?: number;
  error?: unknown;
}

/**
 * A browser for square.connect: fetches the stand-in's authorize page, submits its form as the
 * seller would (first seller in the list), and follows the 302 to the app's Redirect URL.
 * Returns the core option plus what happened (filled in asynchronously, as a real browser).
 */
export function fakeBrowser(visit: BrowserVisit = {}): {
  openAuthorizeUrl: (url: string) => Promise<void>;
  visit: BrowserVisit;
  opened: string[];
  done: () => Promise<void>;
} {
  const opened: string[] = [];
  let running: Promise<void> = Promise.resolve();
  const browse = async (url: string): Promise<void> => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(
        m[1]!,
        m[2]!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
      );
    }
    const seller = /<option value="([^"]+)"/.exec(html)?.[1];
    if (seller) form.set('merchant_id', seller);
    form.set('decision', visit.decision ?? 'allow');
    const decided = await fetch(new URL('/oauth2/authorize', url), {
      method: 'POST',
      body: form.toString(),
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const location = decided.headers.get('location');
    if (decided.status !== 302 || !location) {
      visit.landed = decided.status;
      return;
    }
    const back = new URL(location);
    if (visit.tamperState) back.searchParams.set('state', 'forged-state-value');
    const landed = await fetch(back);
    visit.landed = landed.status;
    await landed.text();
  };
  return {
    opened,
    visit,
    openAuthorizeUrl: async (url) => {
      opened.push(url);
      running = browse(url).catch((e: unknown) => void (visit.error = e));
    },
    done: () => running,
  };
}

/**
 * No secret reached the data folder (audit.log, credentials.json, charges.json): every value in
 * the fixture's keychain (application IDs aside: they are public) and every token, code and
 * application secret the stand-in ever issued, rotated ones included.
 */
export async function expectNoSecretOnDisk(fx: SquareFixture, extra: string[] = []): Promise<void> {
  const kept = (await keytar.findCredentials(fx.f.service))
    .map((c) => c.password)
    .filter((v) => !/^(sandbox-)?sq0id[pb]-/.test(v));
  const secrets = [...new Set([...kept, ...fx.sq.issuedSecrets(), ...extra])];
  const files = await fs.readdir(fx.f.dataDir);
  expect(files).toContain('audit.log');
  for (const file of files) {
    const text = await fs.readFile(path.join(fx.f.dataDir, file), 'utf8');
    for (const s of secrets) expect(text.includes(s), `${file} holds a secret`).toBe(false);
  }
}
