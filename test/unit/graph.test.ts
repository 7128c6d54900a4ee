// keychain.graph from metadata and the ledger only: the vendors' chains, labelled edges,
// placeholders for missing links, charges with their idempotency keys, and the filters.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract, type ResponseOf } from '@shared/contract';
import { buildGraph } from '../../src-main/inspect/graph';
import type { LedgerEntry } from '../../src-main/charges/ledger';
import type { StoredCredential } from '../../src-main/vault/stored-record';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const rec = (over: Partial<StoredCredential> & Pick<StoredCredential, 'provider' | 'kind'>): StoredCredential =>
  ({
    id: randomUUID(),
    environment: 'sandbox',
    label: `${over.provider} ${over.kind}`,
    status: 'active',
    fingerprint: 'EAAA…4b24 · 7f3a',
    source: 'file',
    addedAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    expiresAt: null,
    lastCheckedAt: null,
    merchantId: null,
    appId: null,
    locationId: null,
    parentId: null,
    inspection: null,
    valueHash: null,
    ...over,
  }) as StoredCredential;

function clover() {
  const app = rec({ provider: 'clover', kind: 'app_id' });
  const secret = rec({ provider: 'clover', kind: 'app_secret', parentId: app.id });
  const access = rec({
    provider: 'clover',
    kind: 'access_token',
    parentId: app.id,
    merchantId: 'TC4DGCJW1K4EW',
    expiresAt: '2026-12-03T00:00:00Z',
  });
  const refresh = rec({ provider: 'clover', kind: 'refresh_token', parentId: access.id, merchantId: 'TC4DGCJW1K4EW' });
  const pakms = rec({ provider: 'clover', kind: 'pakms_key', parentId: access.id, merchantId: 'TC4DGCJW1K4EW' });
  return { app, secret, access, refresh, pakms };
}

const edgeLabels = (g: ResponseOf<'keychain.graph'>) =>
  Object.fromEntries(g.edges.map((e) => [`${e.from}->${e.to}`, e.label]));

describe('buildGraph', () => {
  it('draws the Clover chain with the API call on each edge, and satisfies the contract', () => {
    const c = clover();
    const g = buildGraph(Object.values(c), [], {}, NOW);
    expect(contract['keychain.graph'].response.parse(g)).toEqual(g);
    const labels = edgeLabels(g);
    expect(labels[`${c.app.id}->${c.secret.id}`]).toBe('client_secret in POST /oauth/v2/token');
    expect(labels[`${c.access.id}->${c.refresh.id}`]).toBe('POST /oauth/v2/refresh');
    expect(labels[`${c.access.id}->${c.pakms.id}`]).toBe('GET /pakms/apikey');
    expect(labels[`merchant:clover:sandbox:TC4DGCJW1K4EW->${c.access.id}`]).toBe('GET /v3/merchants/{mId}');
    expect(g.nodes.find((n) => n.id === c.access.id)).toMatchObject({
      type: 'credential',
      expiry: 'soon',
      verdict: null,
      fingerprint: 'EAAA…4b24 · 7f3a',
    });
    expect(g.nodes.some((n) => n.type === 'placeholder')).toBe(false);
  });

  it('a merchant with a token but no PAKMS key gets a placeholder naming the action', () => {
    const { pakms: _gone, ...rest } = clover();
    const g = buildGraph(Object.values(rest), [], {}, NOW);
    const placeholder = g.nodes.find((n) => n.type === 'placeholder');
    expect(placeholder).toMatchObject({
      kind: 'pakms_key',
      merchantId: 'TC4DGCJW1K4EW',
      action: 'Fetch the PAKMS key for this merchant',
    });
    expect(edgeLabels(g)[`${rest.access.id}->${placeholder!.id}`]).toBe('GET /pakms/apikey');
  });

  it('draws the Square chain down to locations and payments, with idempotency keys on charge edges', () => {
    const appId = rec({ provider: 'square', kind: 'application_id' });
    const secret = rec({ provider: 'square', kind: 'application_secret', parentId: appId.id });
    const access = rec({
      provider: 'square',
      kind: 'access_token',
      parentId: appId.id,
      merchantId: 'DM7VKY8Q63GNP',
      inspection: {
        verdict: 'valid',
        reason: 'ok',
        nextStep: null,
        checklist: [],
        checkedAt: '2026-11-30T00:00:00Z',
        environmentFound: 'sandbox',
        merchant: { id: 'DM7VKY8Q63GNP', name: 'Apple A Day' },
        appId: null,
        expiresAt: null,
        scopes: [],
        risks: [],
        locations: [{ id: 'L88917AVBK2S5', name: 'Main street', canCharge: true, active: true }],
        requests: 3,
      },
    });
    const attempt = {
      id: randomUUID(),
      credentialId: access.id,
      provider: 'square',
      environment: 'sandbox',
      idempotencyKey: randomUUID(),
      request: { amount: 1000, currency: 'USD', scenario: 'ok', locationId: 'L88917AVBK2S5' },
      status: 'succeeded',
      message: 'ok',
      vendorId: 'p1',
      replayed: false,
      sends: 1,
      refunds: [],
      createdAt: '2026-11-30T00:00:00Z',
      updatedAt: '2026-11-30T00:00:00Z',
      sourceAccount: null,
      requestHash: 'a'.repeat(64),
    } as LedgerEntry;
    const g = buildGraph([appId, secret, access], [attempt], {}, NOW);
    const labels = edgeLabels(g);
    expect(labels[`${access.id}->merchant:square:sandbox:DM7VKY8Q63GNP`]).toBe('GET /v2/merchants/me');
    expect(labels['merchant:square:sandbox:DM7VKY8Q63GNP->location:square:sandbox:L88917AVBK2S5']).toBe(
      'GET /v2/locations',
    );
    const pay = g.edges.find((e) => e.to === `charge:${attempt.id}`);
    expect(pay).toMatchObject({
      from: 'location:square:sandbox:L88917AVBK2S5',
      label: 'POST /v2/payments',
      idempotencyKey: attempt.idempotencyKey,
    });
    expect(g.nodes.find((n) => n.id === `charge:${attempt.id}`)?.label).toBe('Payment 10.00 USD · succeeded');
    expect(g.nodes.find((n) => n.type === 'location')?.label).toBe('Main street');
  });

  it('filters by provider, environment and merchant, and drops edges to filtered-out nodes', () => {
    const c = clover();
    const prod = rec({
      provider: 'clover',
      kind: 'access_token',
      environment: 'production',
      merchantId: 'PRODMERCHANT1',
    });
    const sq = rec({ provider: 'square', kind: 'access_token' });
    const all = [...Object.values(c), prod, sq];
    expect(buildGraph(all, [], { provider: 'square' }, NOW).nodes.map((n) => n.id)).toEqual([sq.id]);
    const sandbox = buildGraph(all, [], { environment: 'sandbox', provider: 'clover' }, NOW);
    expect(sandbox.nodes.some((n) => n.environment === 'production')).toBe(false);
    const oneMerchant = buildGraph(all, [], { merchantId: 'PRODMERCHANT1' }, NOW);
    expect(oneMerchant.nodes.map((n) => n.id).sort()).toEqual(
      [prod.id, 'merchant:clover:production:PRODMERCHANT1', 'placeholder:pakms:production:PRODMERCHANT1'].sort(),
    );
    for (const g of [sandbox, oneMerchant])
      for (const e of g.edges)
        expect(g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to)).toBe(true);
  });
});
