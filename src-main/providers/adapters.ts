// The vendor modules the inspect and charges domains use, by provider.
import type { Adapters } from '../inspect/inspect-one';
import { createCloverAdapter } from './clover/adapter';
import { createSquareAdapter } from './square/adapter';

export function createAdapters(): Adapters {
  return { clover: createCloverAdapter(), square: createSquareAdapter() };
}
