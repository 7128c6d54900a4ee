// The HTTP layer against real loopback servers (port 0, chosen at run time).
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestLogEntry } from '@shared/contract';
import { createLogger, type Logger } from '../../src-main/log/logger';
import { RedactionRegistry } from '../../src-main/log/redaction';
import {
  HostNotAllowedError,
  HttpNetworkError,
  HttpRateLimitError,
  HttpRedirectError,
  HttpStatusError,
  HttpTimeoutError,
  HttpTooLargeError,
  createHttpClient,
  type HttpClientOptions,
} from '../../src-main/providers/http/client';
import { createRequestLog, type RequestLog } from '../../src-main/providers/http/request-log';
import { createHostLimiter } from '../../src-main/providers/http/rate-limit';
import { createHttpContext } from '../../src-main/providers/http/http-context';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}
interface Loopback {
  url: string;
  seen: Seen[];
}
type Handler = (req: IncomingMessage, res: ServerResponse, n: number, body: string) => void;

const servers: http.Server[] = [];
let dataDir: string;
let redaction: RedactionRegistry;
let logger: Logger;
let requestLog: RequestLog;

async function serve(handler: Handler): Promise<Loopback> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at });
      handler(req, res, seen.length, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function squareClient(baseUrl: string, extra: Partial<HttpClientOptions<'square'>> = {}) {
  return createHttpClient({
    provider: 'square',
    environment: 'sandbox',
    service: 'connect',
    endpoints: { 'square.sandbox': baseUrl },
    allowLoopbackHttp: true,
    logger,
    redaction,
    requestLog,
    retryBaseDelayMs: 5,
    ...extra,
  });
}

const auditLog = () => (fs.existsSync(logger.file) ? fs.readFileSync(logger.file, 'utf8') : '');
const everythingLogged = () => JSON.stringify(requestLog.list()) + auditLog();

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-http-'));
  redaction = new RedactionRegistry();
  logger = createLogger({ dataDir, redaction });
  requestLog = createRequestLog();
});

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('request log and audit log', () => {
  it('records method, host, path, status, duration, idempotency key and attempt; no headers or bodies', async () => {
    const srv = await serve((_req, res) => setTimeout(() => json(res, 200, { payment: { id: 'P1' } }), 30));
    const api = squareClient(srv.url);
    const res = await api.post(
      '/v2/payments',
      { idempotency_key: 'idem-123', source_id: 'cnon:card-nonce-ok', note: 'CANARY-BODY-VALUE' },
      { headers: { 'X-Canary': 'CANARY-HEADER-VALUE' } },
    );
    expect(res.data).toEqual({ payment: { id: 'P1' } });
    const entries = requestLog.list();
    expect(entries).toHaveLength(1);
    const e = RequestLogEntry.parse(entries[0]);
    expect(e).toMatchObject({
      provider: 'square',
      method: 'POST',
      host: new URL(srv.url).host,
      path: '/v2/payments',
      status: 200,
      idempotencyKey: 'idem-123',
      attempt: 1,
      error: null,
    });
    expect(e.durationMs).toBeGreaterThanOrEqual(25);
    const line = JSON.parse(auditLog().trim().split('\n').at(-1)!);
    expect(line).toMatchObject({
      event: 'http.attempt',
      method: 'POST',
      path: '/v2/payments',
      status: 200,
      idempotencyKey: 'idem-123',
      attempt: 1,
    });
    expect(everythingLogged()).not.toMatch(/CANARY|cnon:card-nonce-ok|x-canary/i);
    expect(srv.seen[0]!.headers['x-canary']).toBe('CANARY-HEADER-VALUE');
  });

  it('never logs a token from the path or the query string (pattern and registered secret)', async () => {
    const registered = 'REGISTERED-clover-token-0001';
    redaction.register(registered);
    const pathToken = 'SECRETVALUE-not-registered-7f3a';
    const srv = await serve((req, res) =>
      json(res, 401, { message: `invalid token ${pathToken} ${registered} for ${req.url}` }),
    );
    const api = createHttpClient({
      provider: 'clover',
      environment: 'sandbox',
      service: 'platform',
      endpoints: { 'clover.sandbox': srv.url },
      allowLoopbackHttp: true,
      logger,
      redaction,
      requestLog,
    });
    const failures = await Promise.all([
      api.get(`/v3/access_tokens/${pathToken}`).catch((e: unknown) => e),
      api
        .get(`/v3/merchants/${registered}/orders`, {
          params: { access_token: 'QUERYSECRET1', code: 'AUTHCODE99', limit: 5 },
        })
        .catch((e: unknown) => e),
      api.get(`/v3/apps?client_secret=QUERYSECRET2&expand=owner`).catch((e: unknown) => e),
    ]);
    // The vendor really received them...
    expect(srv.seen.map((s) => s.url).join(' ')).toContain(pathToken);
    expect(srv.seen.map((s) => s.url).join(' ')).toContain('QUERYSECRET1');
    // ...and nothing we keep or show does.
    const logged = everythingLogged();
    for (const secret of [pathToken, registered, 'QUERYSECRET1', 'QUERYSECRET2', 'AUTHCODE99']) {
      expect(logged).not.toContain(secret);
      for (const f of failures) {
        expect(f).toBeInstanceOf(HttpStatusError);
        expect((f as Error).message).not.toContain(secret);
        expect(JSON.stringify(f)).not.toContain(secret);
      }
    }
    expect(
      requestLog
        .list()
        .map((e) => e.path)
        .sort(),
    ).toEqual([
      '/v3/access_tokens/[REDACTED]',
      '/v3/apps?client_secret=[REDACTED]&expand=owner',
      '/v3/merchants/[REDACTED]/orders?access_token=[REDACTED]&code=[REDACTED]&limit=5',
    ]);
    expect((failures[0] as HttpStatusError).status).toBe(401);
    // The body stays available to the provider module, out of sight.
    expect((failures[0] as HttpStatusError).responseData).toMatchObject({ message: expect.any(String) });
    expect(Object.keys(failures[0] as object)).not.toContain('responseData');
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers, with a typed error, within the bound, once', async () => {
    const srv = await serve(() => {});
    const api = squareClient(srv.url, { timeoutMs: 300 });
    const t0 = performance.now();
    const err = await api.get('/v2/locations').catch((e: unknown) => e);
    const elapsed = performance.now() - t0;
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1500);
    expect(srv.seen).toHaveLength(1);
    expect(requestLog.list()[0]).toMatchObject({
      status: null,
      attempt: 1,
      error: expect.stringContaining('ETIMEDOUT'),
    });
  });
});

describe('total deadline and size cap (issue #7)', () => {
  it('a server that drips one byte at a time is cut off at the total deadline, freeing its limiter slot', async () => {
    let drips = 0;
    const srv = await serve((req, res) => {
      if (req.url === '/fast') return json(res, 200, { ok: true });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"locations":[');
      const t = setInterval(() => (drips++, res.write(' ')), 100);
      res.on('close', () => clearInterval(t));
    });
    const limiter = createHostLimiter({ maxConcurrent: 1 });
    const api = squareClient(srv.url, { timeoutMs: 600, limiter });
    const t0 = performance.now();
    const err = await api.get('/v2/locations').catch((e: unknown) => e);
    const elapsed = performance.now() - t0;
    expect(err).toBeInstanceOf(HttpTimeoutError);
    expect(drips).toBeGreaterThanOrEqual(3); // the server kept the connection busy: an idle timeout never fires
    expect(elapsed).toBeLessThan(1_500);
    const t1 = performance.now();
    expect((await api.get('/fast')).data).toEqual({ ok: true }); // the one slot was released
    expect(performance.now() - t1).toBeLessThan(500);
  });

  it('the deadline covers the wait for a limiter slot too', async () => {
    const srv = await serve(() => undefined); // never answers: holds the only slot
    const limiter = createHostLimiter({ maxConcurrent: 1 });
    const api = squareClient(srv.url, { timeoutMs: 400, limiter });
    const first = api.get('/a').catch((e: unknown) => e);
    const t0 = performance.now();
    const second = await api.get('/b').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(HttpTimeoutError);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await first).toBeInstanceOf(HttpTimeoutError);
  });

  it('refuses an answer larger than the cap, as a typed error that is not "unreachable"', async () => {
    const srv = await serve((_req, res) => json(res, 200, { blob: 'x'.repeat(50_000) }));
    const api = squareClient(srv.url, { maxResponseBytes: 10_000 });
    const err = await api.get('/v2/locations').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpTooLargeError);
    expect(err).toMatchObject({ code: 'VENDOR_ERROR' });
  });
});

describe('retries and idempotency', () => {
  const dropFirst: Handler = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, { ok: true }));

  it('retries a POST with an Idempotency-Key header after a dropped connection, with the same key', async () => {
    const srv = await serve(dropFirst);
    const api = squareClient(srv.url);
    const res = await api.post('/v1/charges', { amount: 1100 }, { headers: { 'Idempotency-Key': 'clover-key-0001' } });
    expect(res.status).toBe(200);
    expect(srv.seen.map((s) => s.headers['idempotency-key'])).toEqual(['clover-key-0001', 'clover-key-0001']);
    expect(srv.seen[1]!.body).toBe(srv.seen[0]!.body);
    const [second, first] = requestLog.list();
    expect(first).toMatchObject({
      attempt: 1,
      status: null,
      idempotencyKey: 'clover-key-0001',
      error: expect.stringMatching(/ECONNRESET|socket hang up/),
    });
    expect(second).toMatchObject({ attempt: 2, status: 200, idempotencyKey: 'clover-key-0001', error: null });
  });

  it('retries a POST whose JSON body carries idempotency_key, resending the same body', async () => {
    const srv = await serve(dropFirst);
    const api = squareClient(srv.url);
    await api.post('/v2/payments', { idempotency_key: 'sq-key-0002', source_id: 'cnon:card-nonce-ok' });
    expect(srv.seen.map((s) => JSON.parse(s.body).idempotency_key)).toEqual(['sq-key-0002', 'sq-key-0002']);
    expect(requestLog.list().map((e) => [e.attempt, e.idempotencyKey])).toEqual([
      [2, 'sq-key-0002'],
      [1, 'sq-key-0002'],
    ]);
  });

  it('keeps the first key even if an interceptor mints a new one on each pass', async () => {
    const srv = await serve(dropFirst);
    const api = squareClient(srv.url);
    api.interceptors.request.use((config) => {
      config.headers.set('Idempotency-Key', randomUUID());
      return config;
    });
    await api.post('/v1/charges', { amount: 1 });
    const keys = srv.seen.map((s) => s.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('does NOT retry a POST without an idempotency key', async () => {
    const srv = await serve(dropFirst);
    const api = squareClient(srv.url);
    const err = await api
      .post('/v2/refunds', { amount_money: { amount: 1, currency: 'USD' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpNetworkError);
    expect(srv.seen).toHaveLength(1);
    expect(requestLog.list()).toHaveLength(1);
  });

  it('honours Retry-After on 429 (clover-api.md §9)', async () => {
    const srv = await serve((_req, res, n) =>
      n === 1 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    const api = squareClient(srv.url);
    await api.get('/v2/merchants/me');
    expect(srv.seen).toHaveLength(2);
    expect(srv.seen[1]!.at - srv.seen[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(requestLog.list().map((e) => [e.attempt, e.status])).toEqual([
      [2, 200],
      [1, 429],
    ]);
  });

  it('does not wait out a long Retry-After: typed rate-limit error after one attempt', async () => {
    const srv = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '21' }));
    const err = await squareClient(srv.url)
      .get('/v2/locations')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpRateLimitError);
    expect((err as HttpRateLimitError).retryAfterMs).toBe(21_000);
    expect(srv.seen).toHaveLength(1);
  });

  it('retries GET on 5xx with backoff, up to maxRetries', async () => {
    const srv = await serve((_req, res) => json(res, 503, {}));
    const err = await squareClient(srv.url, { maxRetries: 2 })
      .get('/v2/locations')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect((err as HttpStatusError).status).toBe(503);
    expect(srv.seen).toHaveLength(3);
    expect(requestLog.list().map((e) => e.attempt)).toEqual([3, 2, 1]);
  });
});

describe('where requests may go', () => {
  it('does not follow redirects, even when a request asks to', async () => {
    const target = await serve((_req, res) => json(res, 200, { landed: true }));
    const srv = await serve((_req, res) => {
      res.writeHead(302, { location: `${target.url}/landing` });
      res.end();
    });
    const err = await squareClient(srv.url)
      .get('/v2/locations', { maxRedirects: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpRedirectError);
    expect((err as HttpRedirectError).status).toBe(302);
    expect(srv.seen).toHaveLength(1);
    expect(target.seen).toHaveLength(0);
  });

  it('refuses loopback http without the test option: zero requests reach the server', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const api = squareClient(srv.url, { allowLoopbackHttp: false });
    await expect(api.get('/v2/locations')).rejects.toBeInstanceOf(HostNotAllowedError);
    await expect(api.post('/v2/payments', { idempotency_key: 'k' })).rejects.toBeInstanceOf(HostNotAllowedError);
    await new Promise((r) => setTimeout(r, 50));
    expect(srv.seen).toHaveLength(0);
    expect(requestLog.list()[0]).toMatchObject({ status: null, error: 'host not allowed' });
  });

  it('refuses absolute URLs to other hosts and socketPath, whatever the base URL', async () => {
    const srv = await serve((_req, res) => json(res, 200, {}));
    const api = squareClient(srv.url);
    for (const url of [
      'https://evil.test/v2/locations',
      '//evil.test/x',
      `http://user:pw@127.0.0.1:${new URL(srv.url).port}/x`,
      'https://connect.squareup.com/v2/locations',
    ]) {
      await expect(api.get(url)).rejects.toBeInstanceOf(HostNotAllowedError);
    }
    await expect(api.get('/v2/locations', { socketPath: '/tmp/nothing.sock' })).rejects.toBeInstanceOf(
      HostNotAllowedError,
    );
    expect(srv.seen).toHaveLength(0);
  });

  it('ignores proxy settings from the environment', async () => {
    const proxy = await serve((_req, res) => json(res, 200, { via: 'proxy' }));
    const srv = await serve((_req, res) => json(res, 200, { via: 'direct' }));
    const saved = {
      HTTP_PROXY: process.env.HTTP_PROXY,
      http_proxy: process.env.http_proxy,
      NO_PROXY: process.env.NO_PROXY,
      no_proxy: process.env.no_proxy,
    };
    Object.assign(process.env, { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' });
    try {
      const res = await squareClient(srv.url).get('/v2/locations');
      expect(res.data).toEqual({ via: 'direct' });
      expect(proxy.seen).toHaveLength(0);
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('keeps at most 4 requests in flight per host', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const srv = await serve((_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        json(res, 200, {});
      }, 60);
    });
    const api = squareClient(srv.url);
    await Promise.all(Array.from({ length: 10 }, (_, i) => api.get(`/v2/locations/${i}`)));
    expect(srv.seen).toHaveLength(10);
    expect(maxInFlight).toBe(4);
  });
});

describe('the HTTP context (createHttpContext)', () => {
  it('hands out one client per provider, environment and service, reusing connections; close() drops them', async () => {
    let connections = 0;
    const srv = await serve((_req, res) => json(res, 200, { ok: true }));
    const server = servers.at(-1)!;
    server.on('connection', () => connections++);
    const ctx = createHttpContext({
      endpoints: { 'square.sandbox': srv.url },
      allowLoopbackHttp: true,
      logger,
      redaction,
      requestLog,
      clock: () => new Date(),
    });
    const a = ctx.client('square', 'sandbox', 'connect');
    expect(ctx.client('square', 'sandbox', 'connect')).toBe(a);
    for (let i = 0; i < 5; i++) await a.get('/v2/locations');
    expect(srv.seen).toHaveLength(5);
    expect(connections).toBe(1); // kept alive: one TCP connection (one TLS handshake in real use)
    ctx.close();
    await a.get('/v2/locations');
    expect(connections).toBe(2);
    ctx.close();
  });
});
