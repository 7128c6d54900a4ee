// GET /pakms/apikey (ref §5): the merchant and app come from the OAuth token; the key is created on
// the first call (AutoActivateOnGet) and is the same on every later call. Needs "Online payments",
// modelled as PROCESS_CARDS (ref §5, §10.1). Only tokens that name an app can be used: merchant test
// tokens and Ecommerce keys carry no app, so they get 401 (stricter; ref §5 says "OAuth token").
import { authorize } from './auth';
import { json, plainError, type Reply, type RequestContext } from './http-io';

export function getApiKey(ctx: RequestContext): Reply {
  const cred = authorize(ctx, { kinds: ['v2_access', 'legacy'], permission: 'PROCESS_CARDS' });
  if (!cred?.appId) return plainError(401);
  const k = ctx.world.pakmsKeyFor(ctx.env, cred.appId, cred.merchantId);
  return json(200, {
    active: k.active,
    apiAccessKey: k.key,
    createdTime: k.createdTime,
    developerAppUuid: k.appId,
    merchantUuid: k.merchantId,
    modifiedTime: k.modifiedTime,
  });
}
