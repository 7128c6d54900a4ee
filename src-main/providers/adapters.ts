// The vendor modules the inspect and charges domains use, by provider.
import type { Adapters } from '../inspect/inspect-one';

export function createAdapters(): Adapters {
  return {};
}
