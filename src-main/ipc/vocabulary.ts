// Providers, environments and credential kinds: plain constants with no zod, so the renderer can
// import them at runtime without bundling the contract's schemas. contract.ts builds on these.

export const PROVIDERS = ['clover', 'square'] as const;
export const ENVIRONMENTS = ['sandbox', 'production'] as const;

/** What each provider keeps; see shared/reference/clover-api.md §3-5 and square-api.md §2. */
export const KINDS = {
  clover: [
    'app_id',
    'app_secret',
    'access_token',
    'refresh_token',
    'merchant_token',
    'pakms_key',
    'ecommerce_public_key',
    'ecommerce_private_key',
  ],
  square: ['application_id', 'application_secret', 'access_token', 'refresh_token'],
} as const;
