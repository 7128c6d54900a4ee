// One request's path through a listener: read the body, pick a fault, count it against the rate limit, wait
// the latency, dispatch (contract-checked), then answer, late, truncated or not at all as the fault says.
// Faults that happen "before processing" leave the world untouched; "after processing" ones do not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from './dispatch';
import { internalError, rateLimited, type ApiResult } from './errors';
import type { FaultRegistry } from './faults';
import type { RateLimiter } from './rate-limit';
import type { EmulatorStats, Environment, Fault, RequestLogEntry } from './types';

const MAX_BODY = 1024 * 1024;
const VERSION = /^\d{4}-\d{2}-\d{2}$/;

export interface PipelineDeps {
  environment: Environment;
  dispatcher: Dispatcher;
  faults: FaultRegistry;
  limiter: RateLimiter;
  latencyMs(): number;
  stats: EmulatorStats;
  log(entry: RequestLogEntry): void;
  nowIso(): string;
  defaultSquareVersion: string;
  /** A sleep that close() cuts short. */
  sleep(ms: number): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function serialise(result: ApiResult, version: string): Outgoing {
  if (result.body === undefined) {
    return {
      status: result.status,
      headers: { 'content-type': 'text/html; charset=utf-8', ...result.headers },
      text: result.html ?? '',
    };
  }
  // Square-Version echo (ref §1): the version that handled the request.
  return {
    status: result.status,
    text: JSON.stringify(result.body),
    headers: { 'content-type': 'application/json', 'square-version': version, ...result.headers },
  };
}

function send(res: ServerResponse, out: Outgoing): void {
  if (res.destroyed) return;
  res.writeHead(out.status, { ...out.headers, 'content-length': String(Buffer.byteLength(out.text)) });
  res.end(out.text);
}

const HTML_502 =
  '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>' +
  '<p>The upstream server did not answer.</p></body></html>';

export async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const { stats } = deps;
  stats.requests++;
  stats.inFlight++;
  // Concurrency is judged at arrival: after the body is read, later arrivals would count too.
  const inFlightAtArrival = stats.inFlight;
  stats.peakConcurrency = Math.max(stats.peakConcurrency, stats.inFlight);
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const sent = req.headers['square-version'];
  const requested = Array.isArray(sent) ? sent[0] : sent;
  const version = requested && VERSION.test(requested) ? requested : deps.defaultSquareVersion;
  const entry: RequestLogEntry = {
    environment: deps.environment,
    method,
    path: url.pathname,
    status: null,
    squareVersion: requested ?? null,
    at: deps.nowIso(),
    durationMs: 0,
    ...((op) => (op ? { operationId: op } : {}))(deps.dispatcher.operationId(method, url.pathname)),
  };
  const answer = (result: ApiResult, fault?: Fault): void => {
    const out = serialise(result, version);
    if (fault?.type === 'truncated-json') out.text = out.text.slice(0, Math.floor(out.text.length / 2));
    entry.status = out.status;
    if (out.status === 429) stats.rateLimited++;
    send(res, out);
  };
  try {
    const rawBody = await readBody(req);
    const fault = deps.faults.take(deps.environment, method, url.pathname);
    if (fault) entry.fault = fault.type;
    if (fault?.type === 'drop-before') return void req.socket.destroy();
    // Counted on arrival, as a server that sheds load would; the answer still takes the latency.
    const limited = deps.limiter.exceeded(inFlightAtArrival);
    await deps.sleep(deps.latencyMs());
    const checkedAnswer = (result: ApiResult): void => {
      deps.dispatcher.checkResponse(deps.environment, method, url.pathname, result);
      answer(result);
    };
    if (rawBody === undefined) {
      return checkedAnswer({
        status: 413,
        body: {
          errors: [
            {
              category: 'INVALID_REQUEST_ERROR',
              code: 'REQUEST_ENTITY_TOO_LARGE',
              detail: 'The request body is too large.',
            },
          ],
        },
      });
    }
    if (fault?.type === 'error-500') return checkedAnswer(internalError());
    if (fault?.type === 'rate-limited' || limited) return checkedAnswer(rateLimited());
    if (fault?.type === 'html-502') return answer({ status: 502, html: HTML_502 });
    const badJson = (f: Extract<Fault, { type: 'bad-json' }>): ApiResult => ({
      status: f.status ?? 200,
      body: f.body as Record<string, unknown>,
    });
    if (fault?.type === 'bad-json' && !fault.processed) return answer(badJson(fault));
    const result = deps.dispatcher.dispatch(deps.environment, {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
    });
    if (fault?.type === 'drop-after') return void req.socket.destroy();
    if (fault?.type === 'delay') await deps.sleep(fault.ms);
    answer(fault?.type === 'bad-json' ? badJson(fault) : result, fault);
  } catch {
    // The client went away while sending its body (handler bugs are caught and recorded by the dispatcher).
    if (!res.headersSent) answer(internalError());
  } finally {
    stats.inFlight--;
    entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    deps.log(entry);
  }
}
