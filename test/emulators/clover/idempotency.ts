// Idempotency for Ecommerce POSTs (ref §7). The key is required on charges and "must be a version 4
// UUID or equivalent"; we accept v4 UUIDs only (stricter). What a replay returns, how long keys live
// and what a different body does are UNCONFIRMED (ref §7); we choose: same key + same request -> the
// first answer again, byte for byte (no second charge); same key + different request ->
// 400 idempotency_error; keys are remembered for the emulator's lifetime.
import type { RequestContext } from './http-io';
import type { StoredReply } from './state';

export const UUID_V4_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export type KeyCheck = { ok: true; key: string | undefined } | { ok: false; message: string };

export function readKey(ctx: RequestContext, required: boolean): KeyCheck {
  const raw = ctx.headers['idempotency-key'];
  if (raw === undefined || raw === '') {
    return required ? { ok: false, message: 'Missing required header: idempotency-key' } : { ok: true, key: undefined };
  }
  if (typeof raw !== 'string' || !UUID_V4_RE.test(raw)) {
    return { ok: false, message: 'idempotency-key must be a version 4 UUID' };
  }
  ctx.note.idempotencyKey = raw;
  return { ok: true, key: raw };
}

/** Key order does not make two bodies different. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  JSON.stringify([method, path, canonical(body)]);

export type Lookup = { kind: 'new' } | { kind: 'replay'; reply: StoredReply } | { kind: 'conflict' };

/** Keys are scoped per environment and merchant (one Ecommerce account), across charges and refunds. */
const scopeKey = (ctx: RequestContext, merchantId: string, key: string) => `${ctx.env}:${merchantId}:${key}`;

export function lookup(ctx: RequestContext, merchantId: string, key: string, fingerprint: string): Lookup {
  const rec = ctx.world.idempotency.get(scopeKey(ctx, merchantId, key));
  if (!rec) return { kind: 'new' };
  return rec.fingerprint === fingerprint ? { kind: 'replay', reply: rec.reply } : { kind: 'conflict' };
}

export function remember(
  ctx: RequestContext,
  merchantId: string,
  key: string,
  fingerprint: string,
  reply: StoredReply,
): void {
  ctx.world.idempotency.set(scopeKey(ctx, merchantId, key), {
    fingerprint,
    reply: { status: reply.status, body: reply.body },
  });
}
