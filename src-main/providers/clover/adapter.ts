// The Clover ProviderAdapter: inspection, refresh, sandbox charges and refunds, sharing one
// caller per core (so a 429 pauses every request of that token or app, clover-api.md §9).
import type { ProviderAdapter } from '../adapter';
import { cloverApi, type CloverApi } from './api';
import { canCharge, createCharge } from './charge';
import { createCaller } from './http';
import { createInspector } from './inspect';
import { createPauseGate } from './limits';
import { createRefresh } from './refresh';
import { createRefund } from './refund';

export interface CloverAdapter extends ProviderAdapter {
  readonly provider: 'clover';
  /** The same endpoints, for the Clover-only channels (PAKMS fetch, connect, migrate). */
  readonly api: CloverApi;
}

export function createCloverAdapter(o: { random?: () => number } = {}): CloverAdapter {
  const api = cloverApi(createCaller(createPauseGate(), o.random));
  return {
    provider: 'clover',
    api,
    inspect: createInspector(api),
    refresh: createRefresh(api),
    canCharge,
    charge: createCharge(api),
    refund: createRefund(api),
  };
}
