// The vendor modules the inspect and charges domains use, by provider.
import type { Adapters } from '../inspect/inspect-one';
import { createSquareAdapter } from './square/adapter';

export function createAdapters(): Adapters {
  return { square: createSquareAdapter() };
}
