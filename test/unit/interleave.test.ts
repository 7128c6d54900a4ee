// Bulk order (inspect/handlers.ts interleaveByApp): tokens of many apps side by side.
import { describe, expect, it } from 'vitest';
import { interleaveByApp } from '../../src-main/inspect/handlers';
import type { StoredCredential } from '../../src-main/vault/stored-record';

const cred = (id: string, appId: string | null) =>
  ({ id, provider: 'clover', environment: 'sandbox', appId }) as unknown as StoredCredential;

describe('interleaveByApp', () => {
  it("takes one token of each app in turn, keeping each app's own order, and drops nothing", () => {
    const all = [cred('a1', 'A'), cred('a2', 'A'), cred('a3', 'A'), cred('b1', 'B'), cred('n1', null)];
    expect(interleaveByApp(['a1', 'a2', 'a3', 'b1', 'n1', 'gone'], all)).toEqual([
      'a1',
      'b1',
      'n1',
      'gone',
      'a2',
      'a3',
    ]);
  });
});
