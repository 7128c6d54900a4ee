// GET /v2/merchants/me, /v2/merchants, /v2/merchants/{id}, /v2/locations, /v2/locations/{id} (ref §6).
// All need MERCHANT_PROFILE_READ (SPEC security). A token sees only its own merchant: any other merchant
// or location ID is 404 NOT_FOUND (Square's answer for another seller's ID is UNCONFIRMED; this leaks nothing).
// ListMerchants answers {"merchant": [...]}: that is the field name in SPEC ListMerchantsResponse.
import { authenticate } from '../auth';
import { isoMillis, isoSeconds } from '../clock';
import type { RouteContext } from '../context';
import { notFound, type ApiResult } from '../errors';
import type { LocationRecord, MerchantRecord } from '../world';

const SCOPE = ['MERCHANT_PROFILE_READ'];

function merchantJson(m: MerchantRecord): Record<string, unknown> {
  return {
    id: m.id,
    business_name: m.businessName,
    country: m.country,
    language_code: 'en-US',
    currency: m.currency,
    status: 'ACTIVE',
    main_location_id: m.mainLocationId,
    created_at: isoMillis(m.createdAt),
  };
}

export function locationJson(l: LocationRecord): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    timezone: 'America/Los_Angeles',
    capabilities: [...l.capabilities],
    status: l.status,
    created_at: isoSeconds(l.createdAt),
    merchant_id: l.merchantId,
    country: l.country,
    language_code: 'en-US',
    currency: l.currency,
    business_name: l.businessName,
    type: l.type,
  };
}

function withMerchant(ctx: RouteContext, fn: (m: MerchantRecord) => ApiResult): ApiResult {
  const auth = authenticate(
    ctx.world,
    { environment: ctx.environment, authorization: ctx.headers.authorization },
    { scopes: SCOPE },
  );
  if (!auth.ok) return auth.result;
  const merchant = ctx.world.merchant(ctx.environment, auth.token.merchantId);
  if (!merchant) return notFound('Merchant not found.');
  return fn(merchant);
}

export function retrieveMerchant(ctx: RouteContext): ApiResult {
  return withMerchant(ctx, (m) => {
    const id = ctx.params.merchant_id;
    if (id !== 'me' && id !== m.id) return notFound(`Merchant \`${id}\` not found.`, 'merchant_id');
    return { status: 200, body: { merchant: merchantJson(m) } };
  });
}

export function listMerchants(ctx: RouteContext): ApiResult {
  return withMerchant(ctx, (m) => ({ status: 200, body: { merchant: [merchantJson(m)] } }));
}

/** All locations, inactive ones included, sorted by name (ref §6). */
export function listLocations(ctx: RouteContext): ApiResult {
  return withMerchant(ctx, (m) => {
    const locations = m.locationIds
      .map((id) => ctx.world.locations.get(id))
      .filter((l): l is LocationRecord => !!l)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(locationJson);
    return { status: 200, body: { locations } };
  });
}

/** "main" names the main location (SPEC RetrieveLocation parameter description). */
export function retrieveLocation(ctx: RouteContext): ApiResult {
  return withMerchant(ctx, (m) => {
    const requested = ctx.params.location_id;
    const id = requested === 'main' ? m.mainLocationId : requested;
    const loc = id !== undefined ? ctx.world.locations.get(id) : undefined;
    if (!loc || loc.merchantId !== m.id) return notFound(`Location \`${requested}\` not found.`, 'location_id');
    return { status: 200, body: { location: locationJson(loc) } };
  });
}
