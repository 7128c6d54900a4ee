// Providers, environments and kinds for the renderer, from the zod-free half of the contract.
import { ENVIRONMENTS, KINDS, PROVIDERS } from '@shared/vocabulary';

export { ENVIRONMENTS, KINDS, PROVIDERS };

export type Provider = (typeof PROVIDERS)[number];
export type Environment = (typeof ENVIRONMENTS)[number];
