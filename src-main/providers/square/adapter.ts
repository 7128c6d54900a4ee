// The Square ProviderAdapter: inspection by kind, refresh, and sandbox test payments and refunds.
// Each behaviour lives in its own file; this one only routes.
import { AppError } from '../../errors/app-error';
import type { ProviderAdapter } from '../adapter';
import { inspectAccessToken } from './inspect';
import { inspectApplicationId, inspectApplicationSecret, inspectRefreshToken } from './inspect-untested';
import { isSquare } from './links';
import { createPayment } from './payment';
import { refreshPair } from './refresh';
import { refundPayment } from './refund';

export function createSquareAdapter(): ProviderAdapter {
  return {
    provider: 'square',
    async inspect(c, ctx) {
      if (!isSquare(c)) throw new AppError('UNSUPPORTED', 'Not a Square credential.');
      switch (c.kind) {
        case 'access_token':
          return inspectAccessToken(c, ctx);
        case 'refresh_token':
          return inspectRefreshToken(c, ctx);
        case 'application_secret':
          return inspectApplicationSecret(c, ctx);
        case 'application_id':
          return inspectApplicationId(c, ctx);
      }
    },
    refresh: refreshPair,
    /** A sandbox access token; when an inspection saw its scopes, one that has PAYMENTS_WRITE. */
    canCharge(c) {
      if (!isSquare(c) || c.kind !== 'access_token' || c.environment !== 'sandbox') return false;
      const seen = c.inspection?.verdict === 'valid' ? c.inspection.scopes : null;
      return seen === null || seen.length === 0 || seen.includes('PAYMENTS_WRITE');
    },
    charge: createPayment,
    refund: refundPayment,
  };
}
