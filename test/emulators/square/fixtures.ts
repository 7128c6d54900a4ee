// A ready-made corner of the Square world for tests and the benchmark: one application, one seller with a
// card-processing main location and a location without card processing, and the owner's personal token.
import type { Application, Environment, Merchant, SquareEmulator } from './types';

export interface BasicWorld {
  app: Application;
  merchant: Merchant;
  /** Location without CREDIT_CARD_PROCESSING (payments there are refused). */
  noCardLocationId: string;
  personalToken: string;
}

export function seedBasicWorld(sq: SquareEmulator, environment: Environment, redirectUri?: string): BasicWorld {
  const app = sq.createApplication({
    environment,
    name: 'Merchant Keychain (test)',
    redirectUri: redirectUri ?? 'https://app.example.test/square/callback',
  });
  const merchant = sq.createMerchant({
    environment,
    businessName: 'Apple A Day',
    locations: [{ name: 'Main Street' }, { name: 'Back Office', capabilities: ['AUTOMATIC_TRANSFERS'] }],
  });
  const personalToken = sq.createPersonalToken({ applicationId: app.id, merchantId: merchant.id });
  return { app, merchant, noCardLocationId: merchant.locationIds[1] ?? '', personalToken };
}
