// startSquareEmulator(): one Square world served by two real HTTP listeners on 127.0.0.1 (ports chosen by
// the OS), `urls.sandbox` and `urls.production`, plus the typed control API tests drive (types.ts).
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createClock } from './clock';
import type { ResolvedOptions } from './context';
import { Dispatcher } from './dispatch';
import { FaultRegistry } from './faults';
import { IdempotencyStore } from './idempotency';
import { createContractValidator, squareContract } from './openapi';
import { handleRequest } from './pipeline';
import { RateLimiter } from './rate-limit';
import { authorizeRedirect } from './routes/authorize';
import { tokenResponse } from './routes/oauth-token';
import { allScopes } from './spec';
import type {
  EmulatorStats,
  Environment,
  RecordedViolation,
  RefreshCall,
  RequestLogEntry,
  SquareEmulator,
  SquareEmulatorOptions,
} from './types';
import { World } from './world';

const ENVIRONMENTS: Environment[] = ['sandbox', 'production'];

function resolve(options: SquareEmulatorOptions): ResolvedOptions {
  return {
    latencyMs: options.latencyMs ?? 0,
    declineStatus: options.declineStatus ?? 400,
    personalTokenExpiresAt: options.personalTokenExpiresAt ?? 'omit',
    oauthRedirects: options.oauthRedirects ?? 'https-only',
    previousAccessTokenOnRefresh: options.previousAccessTokenOnRefresh ?? 'revoked',
    strictContract: options.strictContract ?? true,
    defaultSquareVersion: options.defaultSquareVersion ?? '2025-08-20',
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      if (!addr || typeof addr === 'string') return fail(new Error('no TCP address'));
      ok(`http://127.0.0.1:${addr.port}`);
    });
  });
}

export async function startSquareEmulator(options: SquareEmulatorOptions = {}): Promise<SquareEmulator> {
  const opts = resolve(options);
  const clock = createClock(options.now);
  const world = new World(clock, opts);
  const scopes = allScopes();
  const contract = opts.strictContract ? squareContract() : createContractValidator({ strict: false });
  const faults = new FaultRegistry();
  let latency = opts.latencyMs;
  let requests: RequestLogEntry[] = [];
  let violations: RecordedViolation[] = [];
  let refreshes: RefreshCall[] = [];
  const stats: EmulatorStats = { requests: 0, rateLimited: 0, peakConcurrency: 0, inFlight: 0 };
  const limiters = new Map(ENVIRONMENTS.map((env) => [env, new RateLimiter(opts.rateLimit)]));
  const dispatcher = new Dispatcher({
    world,
    contract,
    options: opts,
    idempotency: new IdempotencyStore(),
    allScopes: scopes,
    recordViolation: (v) => void violations.push(v),
    recordRefresh: (c) => void refreshes.push(c),
  });

  const sockets = new Set<Socket>();
  const sleepers = new Set<() => void>();
  let closed = false;
  const sleep = (ms: number): Promise<void> =>
    ms <= 0 || closed
      ? Promise.resolve()
      : new Promise((done) => {
          const wake = () => {
            clearTimeout(timer);
            sleepers.delete(wake);
            done();
          };
          const timer = setTimeout(wake, ms);
          sleepers.add(wake);
        });

  const servers = new Map<Environment, Server>();
  const urls = {} as Record<Environment, string>;
  for (const env of ENVIRONMENTS) {
    const deps = {
      environment: env,
      dispatcher,
      faults,
      limiter: limiters.get(env) as RateLimiter,
      latencyMs: () => latency,
      stats,
      log: (e: RequestLogEntry) => void requests.push(e),
      nowIso: () => new Date(clock.now()).toISOString(),
      defaultSquareVersion: opts.defaultSquareVersion,
      sleep,
    };
    const server = createServer((req, res) => void handleRequest(deps, req, res));
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    servers.set(env, server);
    urls[env] = await listen(server);
  }

  const entries = () => [...world.payments.values()];

  return {
    urls,
    endpoints: () => ({ 'square.sandbox': urls.sandbox, 'square.production': urls.production }),

    createApplication: (seed) => world.createApplication(seed),
    createMerchant: (seed) => world.createMerchant(seed),
    createPersonalToken: ({ applicationId, merchantId }) =>
      world.createPersonalToken(applicationId, merchantId, scopes),
    issueOAuth(input) {
      const unknown = input.scopes.filter((s) => !scopes.includes(s));
      if (unknown.length) throw new Error(`unknown scopes: ${unknown.join(', ')}`);
      const shortLived = input.shortLived ?? false;
      const body = tokenResponse(world.mintAuthorization({ ...input, shortLived }), shortLived);
      return {
        accessToken: String(body.access_token),
        refreshToken: String(body.refresh_token),
        expiresAt: String(body.expires_at),
        merchantId: String(body.merchant_id),
        ...(body.refresh_token_expires_at ? { refreshTokenExpiresAt: String(body.refresh_token_expires_at) } : {}),
      };
    },
    authorize: (input) => authorizeRedirect(world, world.requireApp(input.applicationId).environment, input, scopes),
    revoke(input) {
      if ('applicationId' in input) {
        const app = world.requireApp(input.applicationId);
        return world.revokeAuthorization(app.environment, app.id, input.merchantId);
      }
      const t = world.accessTokens.get(input.accessToken);
      if (!t || t.kind !== 'oauth') throw new Error('not an OAuth access token');
      if (!input.onlyAccessToken) return world.revokeAuthorization(t.environment, t.applicationId, t.merchantId);
      const wasActive = !t.revoked;
      t.revoked = true;
      return wasActive ? 1 : 0;
    },
    expireToken: (token) => world.expireToken(token),
    tokenState: (token) => world.tokenState(token),
    issuedSecrets: () => [
      ...world.accessTokens.keys(),
      ...world.refreshTokens.keys(),
      ...world.codes.keys(),
      ...[...world.apps.values()].map((a) => a.secret),
    ],

    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('latency must be >= 0');
      latency = ms;
    },
    setRateLimit: (limit) => limiters.forEach((l) => l.set(limit)),
    faults,

    payments: (filter = {}) =>
      entries()
        .filter(
          (e) =>
            (filter.environment === undefined || e.environment === filter.environment) &&
            (filter.merchantId === undefined || e.merchantId === filter.merchantId) &&
            (filter.status === undefined || e.payment.status === filter.status) &&
            (filter.idempotencyKey === undefined || e.idempotencyKey === filter.idempotencyKey),
        )
        .map((e) => structuredClone(e.payment)),
    paymentByIdempotencyKey: (key) => {
      const found = entries().find((e) => e.idempotencyKey === key);
      return found ? structuredClone(found.payment) : undefined;
    },
    refunds: () => [...world.refunds.values()].map((r) => structuredClone(r.refund)),
    refreshCalls: () => refreshes.map((c) => ({ ...c })),
    requests: () => requests.map((r) => ({ ...r })),
    contractViolations: () => structuredClone(violations),
    stats: () => ({ ...stats }),
    resetObservations() {
      requests = [];
      violations = [];
      refreshes = [];
      Object.assign(stats, { requests: 0, rateLimited: 0, peakConcurrency: stats.inFlight });
    },

    async close() {
      if (closed) return;
      closed = true;
      faults.clear();
      sleepers.forEach((wake) => wake());
      const done = [...servers.values()].map((s) => new Promise<void>((ok) => s.close(() => ok())));
      sockets.forEach((s) => s.destroy());
      servers.forEach((s) => s.closeAllConnections());
      await Promise.all(done);
    },
  };
}
