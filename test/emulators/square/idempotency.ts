// Idempotent replay (ref §5, DOCS /docs/working-with-apis/idempotency): the same key with the same request
// returns the first response again, byte for byte as first sent (a snapshot, even if the payment changed
// since); the same key with other request data gets IDEMPOTENCY_KEY_REUSED. Keys are scoped per environment,
// merchant and endpoint (Square does not publish the scope or a retention period: kept for the run).
import { isDeepStrictEqual } from 'node:util';
import type { ApiResult } from './errors';

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; result: ApiResult } | { kind: 'conflict' };

export class IdempotencyStore {
  private readonly records = new Map<string, { body: unknown; result: ApiResult }>();

  lookup(scope: string, key: string, body: unknown): IdempotencyLookup {
    const record = this.records.get(`${scope}|${key}`);
    if (!record) return { kind: 'new' };
    if (!isDeepStrictEqual(record.body, body)) return { kind: 'conflict' };
    return { kind: 'replay', result: structuredClone(record.result) };
  }

  remember(scope: string, key: string, body: unknown, result: ApiResult): void {
    this.records.set(`${scope}|${key}`, { body: structuredClone(body), result: structuredClone(result) });
  }
}
