// POST /v1/tokens (ref §6): the `apikey` header carries a PAKMS key or an Ecommerce public key; the
// card becomes a single-use `clv_...` source for one charge. Errors use the ref §6 token codes in the
// Ecommerce error shape (ref §7), HTTP 400; a missing or unknown key is a 401 authentication_error.
import { z } from 'zod';
import { authorizeApiKey } from './auth';
import { cardProblem } from './cards';
import { ecomError, json, parseJson, validate, type Reply, type RequestContext } from './http-io';
import * as ids from './ids';

// The plain-card variant only. The encrypted variant (encrypted_pan, transarmor_key_id, ...) needs
// Clover's RSA keys and is not modelled: its fields are refused as unknown parameters.
const TokenBody = z.strictObject({
  card: z.strictObject({
    number: z.string(),
    exp_month: z.string(),
    exp_year: z.string(),
    cvv: z.string(),
    brand: z.string(),
  }),
});

export function createToken(ctx: RequestContext): Reply {
  const envelope = ctx.world.config.errorEnvelope;
  const key = authorizeApiKey(ctx);
  if (!key) return ecomError(envelope, 401, { type: 'authentication_error', message: 'Invalid or missing apikey.' });
  const raw = parseJson(ctx);
  if (!raw.ok)
    return ecomError(envelope, 400, { type: 'invalid_request_error', code: 'invalid_request', message: raw.message });
  const v = validate(TokenBody, raw.value);
  if (!v.ok) {
    const code = v.issueCode === 'missing' ? 'missing' : 'invalid_request';
    return ecomError(envelope, 400, {
      type: 'invalid_request_error',
      code,
      message: v.message,
      ...(v.param ? { param: v.param } : {}),
    });
  }
  const card = v.value.card;
  const problem = cardProblem(card, ctx.world.now());
  if (problem) return ecomError(envelope, 400, { type: 'card_error', ...problem });
  const id = ids.cardTokenId(ctx.env);
  ctx.world.cardTokens.set(id, {
    id,
    environment: ctx.env,
    merchantId: key.merchantId,
    appId: key.appId ?? null,
    number: card.number,
    brand: card.brand,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    createdAt: ctx.world.now(),
    usedAt: null,
  });
  return json(200, {
    id,
    object: 'token',
    card: {
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      first6: card.number.slice(0, 6),
      last4: card.number.slice(-4),
      brand: card.brand,
    },
  });
}
