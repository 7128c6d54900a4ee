// Two node:http listeners on 127.0.0.1 (sandbox, production) over one World. This file alone talks to
// sockets: it reads the body, logs the request, applies faults, rate limits and latency, and writes.
import { setMaxListeners } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { identify, presentedSecret } from './auth';
import { processedFirst, type FaultRegistry } from './faults';
import { ecomError, html, plainError, type Reply, type RequestContext } from './http-io';
import { fingerprint } from './ids';
import type { RateLimiter } from './rate-limit';
import { findRoute, type Route } from './routes';
import type { World } from './state';
import { ENVIRONMENTS, type CloverEnvironment, type Fault, type RateLimitName, type RequestLogEntry } from './types';

const MAX_BODY = 1024 * 1024;

export interface ServerDeps {
  world: World;
  faults: FaultRegistry;
  limiter: RateLimiter;
  log: RequestLogEntry[];
  latency: () => number;
}

export interface Listeners {
  urls: Record<CloverEnvironment, string>;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () =>
      size > MAX_BODY ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

export async function startListeners(deps: ServerDeps): Promise<Listeners> {
  const aborter = new AbortController();
  setMaxListeners(0, aborter.signal); // one listener per pending delay; many is normal under load
  const sockets = new Set<Socket>();
  const servers: http.Server[] = [];
  const urls = {} as Record<CloverEnvironment, string>;
  for (const env of ENVIRONMENTS) {
    const server = http.createServer((req, res) => void handle(deps, env, req, res, aborter.signal));
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    servers.push(server);
    urls[env] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return {
    urls,
    async close() {
      aborter.abort(); // pending latency/delay timers end now; their requests are dropped
      const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      for (const s of servers) s.closeAllConnections();
      for (const s of sockets) s.destroy();
      await Promise.all(closed);
    },
  };
}

async function handle(
  deps: ServerDeps,
  env: CloverEnvironment,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
) {
  const { world, faults, limiter, log } = deps;
  const started = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const entry: RequestLogEntry = {
    seq: log.length + 1,
    environment: env,
    method,
    path: redactPath(world, url.pathname),
    status: null,
    outcome: 'answered',
    receivedAt: world.now(),
    durationMs: 0,
  };
  log.push(entry);
  let release = () => {};
  try {
    let rawBody = '';
    let early: Reply | null = null;
    try {
      rawBody = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      early = plainError(413);
    }
    const found = findRoute(method, url.pathname);
    const route = found.kind === 'found' ? found.route : null;
    const ctx: RequestContext = {
      env,
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      world,
      params: found.kind === 'found' ? found.params : {},
      note: {},
    };
    const who = identify(ctx);
    if (who) {
      entry.credentialId = who.id;
      entry.credentialKind = who.kind;
      entry.merchantId = who.merchantId;
      if (who.appId !== undefined) entry.appId = who.appId;
    }
    const fault = faults.take(env, method, url.pathname);
    if (fault) entry.fault = fault.kind;

    let reply: Reply | null;
    if (early) reply = early;
    else if (fault && !processedFirst(fault))
      reply = fault.kind === 'drop' ? null : faultReply(deps, fault, route, null);
    else {
      reply = null;
      const secret = presentedSecret(ctx);
      if (route?.limited && world.config.rateLimits.enabled && secret !== undefined) {
        const adm = limiter.admit({
          tokenKey: who?.id ?? `unknown:${fingerprint(secret)}`,
          appKey: who?.appId ?? null,
        });
        if (adm.ok) release = adm.release;
        else {
          entry.rateLimited = adm.limit;
          reply = rateLimited(deps, route, adm.limit, adm.retryAfterSec);
        }
      }
      reply ??= dispatch(found, ctx);
      if (ctx.note.idempotencyKey !== undefined) entry.idempotencyKey = ctx.note.idempotencyKey;
      if (fault) reply = faultReply(deps, fault, route, reply);
    }
    const wait = deps.latency() + (fault?.kind === 'delay' ? fault.ms : 0);
    if (wait > 0) await sleep(wait, undefined, { signal });
    if (reply === null) {
      entry.outcome = 'dropped';
      res.destroy();
    } else {
      const truncate = fault?.kind === 'truncatedJson';
      write(res, reply, truncate);
      entry.status = reply.status;
      if (truncate) entry.outcome = 'truncated';
    }
  } catch {
    entry.outcome = 'dropped';
    res.destroy(); // aborted by close(), or the client went away mid-body
  } finally {
    release();
    entry.durationMs = performance.now() - started;
  }
}

function dispatch(found: ReturnType<typeof findRoute>, ctx: RequestContext): Reply {
  if (found.kind === 'found') {
    try {
      return found.route.handler(ctx);
    } catch (e) {
      // An emulator bug must be loud, not look like a dropped connection. Our errors carry no secrets.
      console.error('[clover emulator] handler failed:', e);
      return plainError(500, 'emulator handler failed');
    }
  }
  if (found.kind === 'method') return { ...plainError(405), headers: { allow: found.allow } };
  return plainError(404);
}

function write(res: ServerResponse, reply: Reply, truncate: boolean) {
  if (res.destroyed) return;
  const body = truncate ? reply.body.slice(0, Math.floor(reply.body.length / 2)) : reply.body;
  // A truncated answer is sent chunked (no content-length) so it ends cleanly: the JSON is what breaks.
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    ...(truncate ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    ...reply.headers,
  });
  res.end(body);
}

function errorReply(
  deps: ServerDeps,
  route: Route | null,
  status: number,
  type: 'api_error' | 'rate_limit_error',
  message: string,
): Reply {
  if (route?.errors === 'ecommerce') {
    return ecomError(deps.world.config.errorEnvelope, status, {
      type,
      message,
      ...(type === 'rate_limit_error' ? { code: 'rate_limit' } : {}),
    });
  }
  return plainError(status);
}

/** ref §9: 429 with an X-RateLimit-<limit> header naming the limit; concurrency 429s add retry-after. */
function rateLimited(deps: ServerDeps, route: Route | null, limit: RateLimitName, retryAfterSec?: number): Reply {
  const r = errorReply(deps, route, 429, 'rate_limit_error', 'Too many requests.');
  const headers: Record<string, string> = { [`X-RateLimit-${limit}`]: String(deps.limiter.limitValue(limit)) };
  if (retryAfterSec !== undefined) headers['retry-after'] = String(retryAfterSec);
  return { ...r, headers };
}

const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** The answer a fault puts in place of (or before) the real one; null = drop the connection. */
function faultReply(deps: ServerDeps, fault: Fault, route: Route | null, real: Reply | null): Reply | null {
  switch (fault.kind) {
    case 'delay':
    case 'truncatedJson':
      return real;
    case 'drop':
      return null;
    case 'json500':
      return errorReply(deps, route, 500, 'api_error', 'Internal server error.');
    case 'html502':
      return html(502, HTML_502);
    case 'rateLimit429': {
      const limit = fault.limit ?? 'tokenLimit';
      const concurrency = limit === 'tokenConcurrentLimit' || limit === 'crossTokenConcurrentLimit';
      const retry =
        fault.retryAfterSec ?? (concurrency ? deps.world.config.rateLimits.concurrencyRetryAfterSec : undefined);
      return rateLimited(deps, route, limit, retry);
    }
  }
}

/** A path segment that is a known secret (e.g. a token in a URL) never reaches the log. */
function redactPath(world: World, path: string): string {
  return path
    .split('/')
    .map((seg) => {
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        /* keep raw */
      }
      return seg !== '' && world.isKnownSecret(decoded) ? ':redacted' : seg;
    })
    .join('/');
}
