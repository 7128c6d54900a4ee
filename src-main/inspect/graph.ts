// The keychain graph (keychain.graph): how stored credentials relate, in the spirit of Clover's
// own keychain chart. Built from metadata and the charge ledger only, never the keychain:
//   Clover: app -> app secret; app + merchant -> access token -> refresh token, -> PAKMS key ->
//           card token -> charge (with its idempotency key)
//   Square: application -> secret -> access / refresh tokens -> merchant -> locations -> payments
// Edges are labelled with the API calls that use the key. A merchant with a token but no PAKMS key
// gets a placeholder naming the action that fills the gap.
import type { GraphEdge, GraphNode, ParsedRequestOf, ResponseOf } from '@shared/contract';
import type { Environment, Provider } from '@shared/vocabulary';
import type { LedgerEntry } from '../charges/ledger';
import type { StoredCredential } from '../vault/stored-record';
import { expiryState } from './expiry';

type Filter = ParsedRequestOf<'keychain.graph'>;
type Graph = ResponseOf<'keychain.graph'>;

/** Charges drawn per credential: the latest few tell the story; the ledger screen has the rest. */
const CHARGES_PER_CREDENTIAL = 10;

const CALLS = {
  clover: {
    app_secret: 'client_secret in POST /oauth/v2/token',
    access_token: 'POST /oauth/v2/token',
    merchant: 'GET /v3/merchants/{mId}',
    refresh_token: 'POST /oauth/v2/refresh',
    pakms_key: 'GET /pakms/apikey',
    card_token: 'POST /v1/tokens (apikey)',
    charge: 'POST /v1/charges',
  },
  square: {
    application_secret: 'Authorization: Client (POST /oauth2/revoke), POST /oauth2/token',
    access_token: 'POST /oauth2/token',
    refresh_token: 'POST /oauth2/token (refresh_token)',
    merchant: 'GET /v2/merchants/me',
    location: 'GET /v2/locations',
    charge: 'POST /v2/payments',
  },
} as const;

const merchantNodeId = (p: Provider, env: Environment | null, m: string): string =>
  `merchant:${p}:${env ?? 'unknown'}:${m}`;
const appNodeId = (p: Provider, env: Environment | null, a: string): string => `app:${p}:${env ?? 'unknown'}:${a}`;

export function buildGraph(
  records: readonly StoredCredential[],
  attempts: readonly LedgerEntry[],
  filter: Filter,
  nowMs: number,
): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const keep = (r: StoredCredential): boolean =>
    (!filter.provider || r.provider === filter.provider) &&
    (!filter.environment || r.environment === filter.environment) &&
    (!filter.merchantId || r.merchantId === filter.merchantId);
  const shown = records.filter(keep);
  const byId = new Map(shown.map((r) => [r.id, r]));

  const node = (
    n: Omit<GraphNode, 'kind' | 'credentialId' | 'verdict' | 'expiry' | 'fingerprint' | 'action'> & Partial<GraphNode>,
  ): string => {
    if (!nodes.has(n.id)) {
      nodes.set(n.id, {
        kind: null,
        credentialId: null,
        verdict: null,
        expiry: null,
        fingerprint: null,
        action: null,
        ...n,
      });
    }
    return n.id;
  };
  const edge = (from: string, to: string, label: string, idempotencyKey: string | null = null): void => {
    const id = `${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, from, to, label, idempotencyKey });
  };

  for (const r of shown) {
    node({
      id: r.id,
      type: 'credential',
      provider: r.provider,
      environment: r.environment,
      label: r.label,
      kind: r.kind,
      credentialId: r.id,
      verdict: r.inspection?.verdict ?? null,
      expiry: expiryState(r.expiresAt === null ? null : Date.parse(r.expiresAt), nowMs),
      fingerprint: r.fingerprint,
      merchantId: r.merchantId,
    });
  }

  for (const r of shown) {
    const calls = CALLS[r.provider] as Record<string, string>;
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) edge(parent.id, r.id, calls[r.kind] ?? 'linked');
    const isToken = r.kind === 'access_token' || r.kind === 'merchant_token';
    // The app a token or secret belongs to, when known only as an id in the metadata.
    if (r.appId && !parent && (isToken || r.kind === 'app_secret' || r.kind === 'application_secret')) {
      const app = node({
        id: appNodeId(r.provider, r.environment, r.appId),
        type: 'app',
        provider: r.provider,
        environment: r.environment,
        label: `App ${r.appId}`,
        merchantId: null,
      });
      edge(app, r.id, calls[r.kind] ?? 'linked');
    }
    if (!r.merchantId || !isToken) continue;
    const merchant = node({
      id: merchantNodeId(r.provider, r.environment, r.merchantId),
      type: 'merchant',
      provider: r.provider,
      environment: r.environment,
      label: `Merchant ${r.merchantId}`,
      merchantId: r.merchantId,
    });
    if (r.provider === 'clover') {
      edge(merchant, r.id, CALLS.clover.merchant);
      const pakms = shown.find((k) => k.kind === 'pakms_key' && (k.parentId === r.id || k.merchantId === r.merchantId));
      if (pakms) edge(r.id, pakms.id, CALLS.clover.pakms_key);
      else if (r.kind === 'access_token') {
        const placeholder = node({
          id: `placeholder:pakms:${r.environment ?? 'unknown'}:${r.merchantId}`,
          type: 'placeholder',
          provider: 'clover',
          environment: r.environment,
          label: 'PAKMS key (not fetched yet)',
          kind: 'pakms_key',
          merchantId: r.merchantId,
          action: 'Fetch the PAKMS key for this merchant',
        });
        edge(r.id, placeholder, CALLS.clover.pakms_key);
      }
    } else {
      edge(r.id, merchant, CALLS.square.merchant);
      const locations = new Map<string, string>();
      if (r.locationId) locations.set(r.locationId, `Location ${r.locationId}`);
      for (const l of r.inspection?.locations ?? []) locations.set(l.id, l.name);
      for (const [id, name] of locations) {
        const loc = node({
          id: `location:square:${r.environment ?? 'unknown'}:${id}`,
          type: 'location',
          provider: 'square',
          environment: r.environment,
          label: name,
          merchantId: r.merchantId,
        });
        edge(merchant, loc, CALLS.square.location);
      }
    }
  }

  const perCredential = new Map<string, number>();
  for (const a of [...attempts].reverse()) {
    const credential = byId.get(a.credentialId);
    if (!credential) continue;
    const n = perCredential.get(credential.id) ?? 0;
    if (n >= CHARGES_PER_CREDENTIAL) continue;
    perCredential.set(credential.id, n + 1);
    const money = `${(a.request.amount / 100).toFixed(2)} ${a.request.currency}`;
    const charge = node({
      id: `charge:${a.id}`,
      type: 'charge',
      provider: a.provider,
      environment: 'sandbox',
      label: `${a.provider === 'square' ? 'Payment' : 'Charge'} ${money} · ${a.status}`,
      merchantId: credential.merchantId,
    });
    if (a.provider === 'clover') {
      const pakms = shown.find(
        (k) => k.kind === 'pakms_key' && k.merchantId !== null && k.merchantId === credential.merchantId,
      );
      const card = node({
        id: `card:${a.id}`,
        type: 'card_token',
        provider: 'clover',
        environment: 'sandbox',
        label: `Card token (${a.request.scenario})`,
        merchantId: credential.merchantId,
      });
      edge(pakms?.id ?? credential.id, card, CALLS.clover.card_token);
      edge(card, charge, CALLS.clover.charge, a.idempotencyKey);
    } else {
      const from =
        a.request.locationId && credential.merchantId
          ? `location:square:sandbox:${a.request.locationId}`
          : credential.id;
      edge(nodes.has(from) ? from : credential.id, charge, CALLS.square.charge, a.idempotencyKey);
    }
  }

  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)) };
}
