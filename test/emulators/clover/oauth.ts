// OAuth v2 token endpoints (ref §2): /oauth/v2/token (high-trust secret or low-trust PKCE),
// /oauth/v2/refresh (single-use refresh tokens), /oauth/token/migrate_v2 (legacy -> v2 code).
import { z } from 'zod';
import { json, parseJson, plainError, validate, type Reply, type RequestContext } from './http-io';
import { s256 } from './ids';
import type { CredentialRecord } from './state';

/** RFC 7636 §4.1: 43-128 unreserved characters. ref §2 does not spell the PKCE details out
 *  (UNCONFIRMED), so we hold clients to the RFC. */
export const VERIFIER_RE = /^[A-Za-z0-9\-._~]{43,128}$/;
/** S256 challenge: 32 bytes in base64url without padding = 43 characters. */
export const CHALLENGE_RE = /^[A-Za-z0-9_-]{43}$/;

const seconds = (ms: number) => Math.floor(ms / 1000);

// Unknown fields are refused (400): the reference lists the exact bodies and is silent on extras,
// so the stricter reading wins.
const TokenBody = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1).optional(),
  code: z.string().min(1),
  code_verifier: z.string().optional(),
});
const RefreshBody = z.strictObject({ client_id: z.string().min(1), refresh_token: z.string().min(1) });
const MigrateBody = z.strictObject({
  merchant_uuid: z.string().min(1),
  app_uuid: z.string().min(1),
  auth_token: z.string().min(1),
  code_challenge: z.string().optional(),
});

function body<S extends z.ZodType>(
  ctx: RequestContext,
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; reply: Reply } {
  const raw = parseJson(ctx);
  if (!raw.ok) return { ok: false, reply: plainError(400, raw.message) };
  const v = validate(schema, raw.value);
  return v.ok ? v : { ok: false, reply: plainError(400, v.message, v.param) };
}

const unauthorized = () => plainError(401);

function pairBody(access: CredentialRecord, refresh: CredentialRecord | null): Record<string, unknown> {
  return {
    access_token: access.value,
    access_token_expiration: seconds(access.expiresAt!),
    ...(refresh ? { refresh_token: refresh.value, refresh_token_expiration: seconds(refresh.expiresAt!) } : {}),
  };
}

/** POST /oauth/v2/token[?no_refresh_token=true] */
export function token(ctx: RequestContext): Reply {
  const flag = ctx.query.get('no_refresh_token');
  if (flag !== null && flag !== 'true' && flag !== 'false')
    return plainError(400, 'no_refresh_token must be true or false', 'no_refresh_token');
  const b = body(ctx, TokenBody);
  if (!b.ok) return b.reply;
  const { client_id, client_secret, code, code_verifier } = b.value;
  if (code_verifier !== undefined && !VERIFIER_RE.test(code_verifier)) {
    return plainError(400, 'code_verifier must be 43-128 unreserved characters', 'code_verifier');
  }
  const { world } = ctx;
  const app = world.app(ctx.env, client_id);
  if (!app) return unauthorized();
  if (client_secret !== undefined && client_secret !== app.secret) return unauthorized();
  const rec = world.codes.get(code);
  if (!rec || rec.environment !== ctx.env || rec.appId !== app.id) return unauthorized();
  if (rec.usedAt !== null) {
    // RFC 6749 §4.1.2: a replayed code SHOULD revoke what it issued. Clover is silent; stricter wins.
    world.revokeFamily(rec.family);
    return unauthorized();
  }
  if (world.now() >= rec.expiresAt) return unauthorized();
  if (rec.challenge !== null) {
    // Low-trust (PKCE): the verifier proves the caller; a wrong one leaves the code unspent.
    if (code_verifier === undefined || s256(code_verifier) !== rec.challenge) return unauthorized();
  } else if (client_secret === undefined) {
    return unauthorized(); // high-trust codes need the secret (ref §2)
  }
  if (!world.install(app.id, rec.merchantId)) return unauthorized();
  rec.usedAt = world.now();
  const { access, refresh } = world.issuePair(ctx.env, app.id, rec.merchantId, rec.family, flag === 'true');
  if (rec.legacyCredentialId !== null) {
    // ref §2 migration: what happens to the legacy token afterwards is not stated. Stricter: it stops
    // working once the v2 pair exists, so a client must store the pair before dropping the old token.
    const legacy = world.credentials.get(rec.legacyCredentialId);
    if (legacy && legacy.revokedAt === null) legacy.revokedAt = world.now();
  }
  return json(200, pairBody(access, refresh));
}

/** POST /oauth/v2/refresh: client_id + refresh_token, no secret (ref §2). */
export function refresh(ctx: RequestContext): Reply {
  const b = body(ctx, RefreshBody);
  if (!b.ok) return b.reply;
  const { world } = ctx;
  const app = world.app(ctx.env, b.value.client_id);
  const old = world.activeCredential(ctx.env, b.value.refresh_token);
  // Spent, evicted by the cap, expired, revoked, other app or other environment: all 401.
  if (!app || !old || old.kind !== 'v2_refresh' || old.appId !== app.id) return unauthorized();
  old.usedAt = world.now();
  const { access, refresh: next } = world.issuePair(
    ctx.env,
    app.id,
    old.merchantId,
    old.family ?? `fam_${world.nextSeq()}`,
  );
  return json(200, pairBody(access, next));
}

/** POST /oauth/token/migrate_v2 (ref §2 "Migrating legacy tokens"). */
export function migrate(ctx: RequestContext): Reply {
  const b = body(ctx, MigrateBody);
  if (!b.ok) return b.reply;
  const { merchant_uuid, app_uuid, auth_token, code_challenge } = b.value;
  if (code_challenge !== undefined && !CHALLENGE_RE.test(code_challenge)) {
    return plainError(400, 'code_challenge must be an S256 challenge (base64url, 43 characters)', 'code_challenge');
  }
  const { world } = ctx;
  const legacy = world.activeCredential(ctx.env, auth_token);
  if (!legacy || legacy.kind !== 'legacy' || legacy.appId !== app_uuid || legacy.merchantId !== merchant_uuid) {
    return unauthorized();
  }
  const rec = world.issueCode(ctx.env, app_uuid, merchant_uuid, code_challenge ?? null, legacy.id);
  return json(200, { authorization_code: rec.code, expiration: seconds(rec.expiresAt) });
}
