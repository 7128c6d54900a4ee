// Merchants and locations, their scope checks and the Square-Version echo, over real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../../emulators/square';
import { call, errorCode, expectNoViolations } from './square-http';

let sq: SquareEmulator;
let sb: BasicWorld;
let base: string;

beforeAll(async () => {
  sq = await startSquareEmulator();
  sb = seedBasicWorld(sq, 'sandbox');
  base = sq.urls.sandbox;
});
afterAll(() => sq.close());
afterEach(() => expectNoViolations(sq));

const get = (path: string, token: string, version?: string | null) => call(base, 'GET', path, { token, version });

describe('merchants', () => {
  it("GET /v2/merchants/me and /v2/merchants/{id} return the token's merchant", async () => {
    const me = await get('/v2/merchants/me', sb.personalToken);
    expect(me.status).toBe(200);
    expect(me.body.merchant).toMatchObject({
      id: sb.merchant.id,
      business_name: 'Apple A Day',
      country: 'US',
      currency: 'USD',
      status: 'ACTIVE',
      main_location_id: sb.merchant.mainLocationId,
    });
    expect((await get(`/v2/merchants/${sb.merchant.id}`, sb.personalToken)).body).toEqual(me.body);
  });

  it('GET /v2/merchants is a one-element list under "merchant" (SPEC ListMerchantsResponse)', async () => {
    const r = await get('/v2/merchants', sb.personalToken);
    expect(r.body.merchant.map((m: { id: string }) => m.id)).toEqual([sb.merchant.id]);
  });

  it("another seller's merchant id is not found", async () => {
    const other = sq.createMerchant({ environment: 'sandbox' });
    const r = await get(`/v2/merchants/${other.id}`, sb.personalToken);
    expect([r.status, errorCode(r)]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('locations', () => {
  it('lists every location, inactive ones too, sorted by name, with capabilities, status and currency', async () => {
    const m = sq.createMerchant({
      environment: 'sandbox',
      currency: 'CAD',
      country: 'CA',
      locations: [{ name: 'Zeta' }, { name: 'Alpha', status: 'INACTIVE' }, { name: 'Mid', capabilities: [] }],
    });
    const t = sq.createPersonalToken({ applicationId: sb.app.id, merchantId: m.id });
    const r = await get('/v2/locations', t);
    expect(r.status).toBe(200);
    expect(
      r.body.locations.map((l: Record<string, unknown>) => [l.name, l.status, l.capabilities, l.currency]),
    ).toEqual([
      ['Alpha', 'INACTIVE', ['CREDIT_CARD_PROCESSING', 'AUTOMATIC_TRANSFERS'], 'CAD'],
      ['Mid', 'ACTIVE', [], 'CAD'],
      ['Zeta', 'ACTIVE', ['CREDIT_CARD_PROCESSING', 'AUTOMATIC_TRANSFERS'], 'CAD'],
    ]);
    expect(r.body.locations.every((l: { merchant_id: string }) => l.merchant_id === m.id)).toBe(true);
  });

  it('GET /v2/locations/{id} and "main"; another seller\'s location is not found', async () => {
    const main = await get('/v2/locations/main', sb.personalToken);
    expect(main.body.location.id).toBe(sb.merchant.mainLocationId);
    const second = await get(`/v2/locations/${sb.noCardLocationId}`, sb.personalToken);
    expect(second.body.location.capabilities).toEqual(['AUTOMATIC_TRANSFERS']);
    const other = sq.createMerchant({ environment: 'sandbox' });
    expect((await get(`/v2/locations/${other.mainLocationId}`, sb.personalToken)).status).toBe(404);
  });
});

describe('scopes', () => {
  const paths = () => [
    '/v2/merchants/me',
    '/v2/merchants',
    `/v2/merchants/${sb.merchant.id}`,
    '/v2/locations',
    `/v2/locations/${sb.merchant.mainLocationId}`,
  ];

  it('an OAuth token without MERCHANT_PROFILE_READ gets 403 INSUFFICIENT_SCOPES everywhere', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'code',
      scopes: ['PAYMENTS_READ', 'PAYMENTS_WRITE'],
    });
    for (const path of paths()) {
      const r = await get(path, t.accessToken);
      expect([path, r.status, errorCode(r), r.body.errors[0].category]).toEqual([
        path,
        403,
        'INSUFFICIENT_SCOPES',
        'AUTHENTICATION_ERROR',
      ]);
      expect(r.body.errors[0].detail).toContain('MERCHANT_PROFILE_READ');
    }
  });

  it('with MERCHANT_PROFILE_READ (or a personal token) every one answers 200', async () => {
    const t = sq.issueOAuth({
      applicationId: sb.app.id,
      merchantId: sb.merchant.id,
      flow: 'pkce',
      scopes: ['MERCHANT_PROFILE_READ'],
    });
    for (const path of paths()) {
      expect([path, (await get(path, t.accessToken)).status]).toEqual([path, 200]);
      expect([path, (await get(path, sb.personalToken)).status]).toEqual([path, 200]);
    }
  });

  it('no Authorization header: 401 UNAUTHORIZED, recorded as a contract violation', async () => {
    const r = await call(base, 'GET', '/v2/locations');
    expect([r.status, errorCode(r)]).toEqual([401, 'UNAUTHORIZED']);
    expect(sq.contractViolations()).toHaveLength(1);
    sq.resetObservations();
  });
});

describe('Square-Version', () => {
  it('echoes the version asked for, or the pinned default; logs what the client sent', async () => {
    sq.resetObservations();
    expect((await get('/v2/locations', sb.personalToken, '2024-01-18')).headers.get('square-version')).toBe(
      '2024-01-18',
    );
    expect((await get('/v2/locations', sb.personalToken, null)).headers.get('square-version')).toBe('2025-08-20');
    expect(sq.requests().map((r) => r.squareVersion)).toEqual(['2024-01-18', null]);
  });

  it('a malformed version is refused with INVALID_SQUARE_VERSION_FORMAT', async () => {
    const r = await get('/v2/locations', sb.personalToken, '2024-1-18');
    expect([r.status, errorCode(r), r.body.errors[0].category]).toEqual([
      400,
      'INVALID_SQUARE_VERSION_FORMAT',
      'INVALID_REQUEST_ERROR',
    ]);
    expect(sq.contractViolations()[0]?.violations[0]?.field).toBe('Square-Version');
    sq.resetObservations();
  });
});

describe('the stand-in checks its own answers', () => {
  it("records a response that breaks Square's schema (a seller seeded with an unknown country)", async () => {
    const m = sq.createMerchant({ environment: 'sandbox', country: 'XX' });
    const t = sq.createPersonalToken({ applicationId: sb.app.id, merchantId: m.id });
    expect((await get('/v2/merchants/me', t)).status).toBe(200);
    const recorded = sq.contractViolations();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ direction: 'response', path: '/v2/merchants/me', status: 200 });
    expect(recorded[0]?.violations.map((v) => `${v.keyword}:${v.field}`)).toEqual(['enum:merchant.country']);
    sq.resetObservations();
  });
});
