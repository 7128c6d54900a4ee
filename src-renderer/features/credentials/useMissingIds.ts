// Ids of credentials whose keychain item the last keychain check did not find.
import { useMemo } from 'react';
import { useStore } from '../../app/store';

const NONE: readonly string[] = [];

export function useMissingIds(): ReadonlySet<string> {
  const ids = useStore((s) => s.keychainCheck?.missingFromKeychain ?? NONE);
  return useMemo(() => new Set(ids), [ids]);
}
