// keychain.graph: how the stored credentials relate, drawn from metadata and the charge ledger
// only (never the keychain): apps, merchants, tokens, keys, locations, card tokens and charges,
// with edges labelled by the API calls that use them (issue #10).
import { z } from 'zod';
import { EXPIRY_STATES, VERDICTS } from '../vocabulary';
import { Environment, Fingerprint, Id, Kind, Provider, VendorId } from './common';

export const GRAPH_NODE_TYPES = [
  'credential',
  'app',
  'merchant',
  'location',
  'card_token',
  'charge',
  'placeholder',
] as const;

export const GraphNode = z.strictObject({
  id: z.string().max(200),
  type: z.enum(GRAPH_NODE_TYPES),
  provider: Provider,
  environment: Environment.nullable(),
  label: z.string().max(200),
  /** Set for credential nodes (and placeholders: the kind that is missing). */
  kind: Kind.nullable(),
  credentialId: Id.nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  expiry: z.enum(EXPIRY_STATES).nullable(),
  fingerprint: Fingerprint.nullable(),
  /** Merchant the node belongs to (filters and grouping). */
  merchantId: VendorId.nullable(),
  /** For placeholders: what fills the gap, in plain words (e.g. "Fetch the PAKMS key"). */
  action: z.string().max(200).nullable(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.strictObject({
  id: z.string().max(420),
  from: z.string().max(200),
  to: z.string().max(200),
  /** The API calls that use the key on this edge, e.g. "GET /pakms/apikey". */
  label: z.string().max(200),
  idempotencyKey: z.string().max(64).nullable(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const graphChannels = {
  'keychain.graph': {
    request: z.strictObject({
      provider: Provider.optional(),
      environment: Environment.optional(),
      merchantId: VendorId.optional(),
    }),
    response: z.strictObject({ nodes: z.array(GraphNode).max(50_000), edges: z.array(GraphEdge).max(100_000) }),
  },
} as const;
