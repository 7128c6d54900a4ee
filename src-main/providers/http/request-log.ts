// The in-memory request log behind `requests.list`: one entry per HTTP attempt, newest first.
// Entries carry no headers and no bodies; paths and errors are scrubbed (DESIGN invariant 6).
import { randomUUID } from 'node:crypto';
import { RequestLogEntry } from '@shared/contract';
import type { RedactionRegistry } from '../../log/redaction';

export const REQUEST_LOG_CAPACITY = 500;
const REDACTED = '[REDACTED]';
/** Query keys whose values are never logged (OAuth `code`, `access_token`, `client_secret`, ...). */
const SECRET_QUERY_KEY = /token|secret|code|key|pass(word)?|signature|verifier|credential|auth/i;

/** What "Copy as curl" needs to rebuild one request: held in memory only, never on disk or logged,
 *  and dropped with its log entry (the ring's capacity bounds both). */
export interface Replay {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface RequestLog {
  /** Validates against the IPC schema, so a malformed entry fails here, not in the renderer. */
  add(entry: RequestLogEntry, replay?: Replay): void;
  /** The real request behind a listed entry (secrets included), or null once it left the log. */
  replayOf(id: string): Replay | null;
  /** Newest first; at most `limit` entries (default: all kept). */
  list(limit?: number): RequestLogEntry[];
  clear(): void;
  readonly size: number;
}

export function createRequestLog(capacity = REQUEST_LOG_CAPACITY): RequestLog {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  const ring: (RequestLogEntry | undefined)[] = new Array(capacity);
  const replays = new Map<string, Replay>();
  let next = 0;
  let count = 0;
  return {
    add(entry, replay) {
      const old = ring[next];
      if (old) replays.delete(old.id);
      ring[next] = Object.freeze(RequestLogEntry.parse(entry));
      if (replay) replays.set(entry.id, replay);
      next = (next + 1) % capacity;
      count = Math.min(count + 1, capacity);
    },
    list(limit = capacity) {
      const out: RequestLogEntry[] = [];
      for (let i = 1; i <= Math.min(limit, count); i++) {
        const e = ring[(next - i + capacity) % capacity];
        if (e) out.push(e);
      }
      return out;
    },
    replayOf(id) {
      return replays.get(id) ?? null;
    },
    clear() {
      replays.clear();
      ring.fill(undefined);
      next = 0;
      count = 0;
    },
    get size() {
      return count;
    },
  };
}

/** Decodes every well-formed %XX run and leaves malformed escapes as they are, so one bad `%`
 *  cannot keep an encoded secret elsewhere in the same string from being decoded and scrubbed. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run; // a run of bytes that is not UTF-8
      }
    });
  }
}

/** Path + query for the log: secret-looking query values dropped, fragment dropped, then scrubbed
 *  (registered secrets and `/access_tokens/{token}` segments). Decoded first, so an encoded secret
 *  cannot slip past the exact-value match. */
export function redactPathAndQuery(pathAndQuery: string, redaction: RedactionRegistry): string {
  const noFragment = pathAndQuery.split('#')[0] ?? '';
  const q = noFragment.indexOf('?');
  const path = q === -1 ? noFragment : noFragment.slice(0, q);
  const query = q === -1 ? null : noFragment.slice(q + 1);
  let out = redaction.scrub(safeDecode(path));
  if (query !== null) {
    const parts = query.split('&').map((part) => {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      if (eq === -1) return redaction.scrub(safeDecode(key));
      const value = SECRET_QUERY_KEY.test(safeDecode(key)) ? REDACTED : safeDecode(part.slice(eq + 1));
      return `${redaction.scrub(safeDecode(key))}=${redaction.scrub(value)}`;
    });
    out += `?${parts.join('&')}`;
  }
  return out.slice(0, 2048);
}

/** The idempotency key of a request: `Idempotency-Key` header (any case; Clover, clover-api.md §7)
 *  or the JSON body's `idempotency_key` (Square, square-api.md §5). */
export function idempotencyKeyFrom(headers: unknown, body: unknown): string | null {
  if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (name.toLowerCase() === 'idempotency-key' && typeof value === 'string' && value !== '') return value;
    }
  }
  let parsed: unknown = body;
  if (typeof body === 'string' && body.trimStart().startsWith('{') && body.length <= 1_000_000) {
    try {
      parsed = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (parsed && typeof parsed === 'object' && !Buffer.isBuffer(parsed) && !Array.isArray(parsed)) {
    const key = (parsed as Record<string, unknown>).idempotency_key;
    if (typeof key === 'string' && key !== '') return key;
  }
  return null;
}

export interface AttemptRecord {
  provider: RequestLogEntry['provider'];
  method: string;
  url: string;
  status: number | null;
  durationMs: number;
  idempotencyKey: string | null;
  attempt: number;
  error: string | null;
  at: Date;
}

/** Builds a schema-valid, redacted entry; every field is cut to the contract's limits. */
export function buildRequestLogEntry(r: AttemptRecord, redaction: RedactionRegistry): RequestLogEntry {
  let host = 'invalid-url';
  let path = '';
  try {
    const u = new URL(r.url);
    host = u.host;
    path = u.pathname + u.search;
  } catch {
    // An unparseable URL is logged by host placeholder only: it may hold anything.
  }
  return {
    id: randomUUID(),
    at: r.at.toISOString(),
    provider: r.provider,
    method: r.method.toUpperCase().slice(0, 10),
    host: redaction.scrub(host).slice(0, 253),
    path: redactPathAndQuery(path, redaction),
    status: r.status,
    durationMs: Math.max(0, Math.round(r.durationMs)),
    idempotencyKey: r.idempotencyKey === null ? null : redaction.scrub(r.idempotencyKey).slice(0, 64),
    attempt: Math.max(1, Math.floor(r.attempt)),
    error: r.error === null ? null : redaction.scrub(r.error).replace(/\s+/g, ' ').trim().slice(0, 300),
  };
}
