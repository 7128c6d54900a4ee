// Providers, environments and kinds, as the renderer needs them at runtime. The contract is the
// source of truth, but importing its values would bundle zod into the renderer (DESIGN: the
// renderer imports types only). So these are copies typed against the contract: if the contract
// changes, these assignments stop compiling.
import type { ENVIRONMENTS as C_ENVIRONMENTS, KINDS as C_KINDS, PROVIDERS as C_PROVIDERS } from '../../src-main/ipc/contract';

export const PROVIDERS: typeof C_PROVIDERS = ['clover', 'square'];
export const ENVIRONMENTS: typeof C_ENVIRONMENTS = ['sandbox', 'production'];
export const KINDS: typeof C_KINDS = {
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
};

export type Provider = (typeof PROVIDERS)[number];
export type Environment = (typeof ENVIRONMENTS)[number];
