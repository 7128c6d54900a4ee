/**
 * The local Clover: a stand-in for Clover's documented APIs (/work/shared/reference/clover-api.md),
 * for integration tests and benchmarks. Real HTTP on 127.0.0.1, ports chosen at run time.
 *
 *   const clover = await startCloverEmulator({ latencyMs: 0 });
 *   const { app, merchant, tokens } = clover.seed.connectedMerchant();   // sandbox by default
 *   createCore({ ..., endpoints: clover.endpoints(), allowLoopbackHttp: true });
 *   ...
 *   clover.faults.once({ method: 'POST', path: '/v1/charges' }, { kind: 'drop', when: 'after' });
 *   expect(clover.inspect.chargeCount()).toBe(1);
 *   await clover.close();
 *
 * One world, two listeners: `urls.sandbox` and `urls.production`. Every app, merchant and credential
 * belongs to one environment; presenting it to the other listener is a 401 (how a client detects
 * "wrong environment"). Each listener serves all services: OAuth (/oauth/v2/token, /oauth/v2/refresh,
 * /oauth/token/migrate_v2, /oauth/v2/authorize), platform (/v3/merchants/{mId}), PAKMS
 * (/pakms/apikey), tokenization (/v1/tokens) and Ecommerce (/v1/charges, /v1/refunds).
 *
 * Handle:
 * - urls, endpoints()        base URLs; endpoints() is createCore's `endpoints` option
 * - now(), advance(ms)       the emulator clock (token expiry, code expiry, rate windows)
 * - setLatency(ms)           delay added to every response from now on
 * - seed.*                   apps, merchants, installs, v2 pairs, legacy/test tokens, Ecommerce keys
 * - authorize({...})         what clicking Allow on the authorize page does; returns the redirect URL
 * - faults.once/always/clear inject delay, drop (before/after processing), json500, html502,
 *                            truncatedJson, rateLimit429 on matching requests
 * - inspect.*                requests log, charges, refunds, refresh calls, credential status,
 *                            rate-limit stats (never token values)
 * - close()                  stops both listeners, destroys open sockets and pending timers
 *
 * Nothing here imports the app's code (src-main): the stand-in follows Clover's docs, not our client.
 */
import { grant } from './authorize-page';
import { createClock } from './clock';
import { FaultRegistry, type FaultController } from './faults';
import { createInspector, type Inspector } from './inspect';
import { RateLimiter } from './rate-limit';
import { createSeeder, type Seeder } from './seed';
import { startListeners } from './server';
import { SetupError, World } from './state';
import { resolveConfig, type CloverEmulatorOptions, type CloverEnvironment, type RequestLogEntry } from './types';

export * from './types';
export type { FaultController } from './faults';
export type { Inspector, ChargeFilter } from './inspect';
export type { Seeder } from './seed';
export { SetupError as CloverEmulatorSetupError } from './state';
export { TEST_CARDS } from './cards';

export interface AuthorizeRequest {
  appId: string;
  merchantId: string;
  redirectUri?: string;
  state?: string;
  /** S256 challenge (base64url of sha256(verifier), no padding). Omit for a high-trust code. */
  codeChallenge?: string;
}

export interface CloverEmulator {
  readonly urls: Readonly<Record<CloverEnvironment, string>>;
  /** createCore's `endpoints` option: every Clover service of each environment on its listener. */
  endpoints(): { 'clover.sandbox': string; 'clover.production': string };
  now(): number;
  advance(ms: number): void;
  setLatency(ms: number): void;
  readonly seed: Seeder;
  /** Simulates the merchant clicking Allow (installs the app if needed); returns the redirect URL with
   *  code, merchant_id, client_id, employee_id and state. Throws CloverEmulatorSetupError on bad input. */
  authorize(r: AuthorizeRequest): string;
  readonly faults: FaultController;
  readonly inspect: Inspector;
  close(): Promise<void>;
}

export async function startCloverEmulator(options: CloverEmulatorOptions = {}): Promise<CloverEmulator> {
  const config = resolveConfig(options);
  const clock = createClock(options.now);
  const world = new World(config, clock);
  const faults = new FaultRegistry();
  const limiter = new RateLimiter(config.rateLimits, clock);
  const log: RequestLogEntry[] = [];
  let latencyMs = config.latencyMs;
  const listeners = await startListeners({ world, faults, limiter, log, latency: () => latencyMs });
  let closed: Promise<void> | null = null;
  return {
    urls: { ...listeners.urls },
    endpoints: () => ({ 'clover.sandbox': listeners.urls.sandbox, 'clover.production': listeners.urls.production }),
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    setLatency(ms) {
      if (!(ms >= 0)) throw new RangeError('latency must be >= 0');
      latencyMs = ms;
    },
    seed: createSeeder(world),
    authorize(r) {
      const app = world.apps.get(r.appId);
      if (!app) throw new SetupError(`unknown app ${r.appId}`);
      const out = grant(world, app.environment, {
        clientId: r.appId,
        merchantId: r.merchantId,
        ...(r.redirectUri !== undefined ? { redirectUri: r.redirectUri } : {}),
        ...(r.state !== undefined ? { state: r.state } : {}),
        ...(r.codeChallenge !== undefined ? { codeChallenge: r.codeChallenge, codeChallengeMethod: 'S256' } : {}),
      });
      if (!out.ok) throw new SetupError(out.error);
      return out.location;
    },
    faults,
    inspect: createInspector(world, log, limiter),
    close: () => (closed ??= listeners.close()),
  };
}
