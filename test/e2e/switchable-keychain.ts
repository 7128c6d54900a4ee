// The real keychain store (keytar on the private keyring) behind a switch that makes every call
// fail the way a locked or missing Secret Service does. Why not lock the private keyring for real:
// libsecret then asks a prompter for the password, which nobody can answer in a headless run, so
// the call would only time out. The failure is injected just above keytar and goes through the
// store's own classifier (classifyKeychainFailure), with libsecret's own wording.
import { classifyKeychainFailure, createKeytarStore, type SecretStore } from '../../src-main/vault/secret-store';

export type KeychainFault = 'locked' | 'unavailable' | null;

/** libsecret's messages for the two cases (SECRET_ERROR_IS_LOCKED; no Secret Service on the bus). */
const MESSAGES: Record<Exclude<KeychainFault, null>, string> = {
  locked: 'Cannot create an item in a locked collection',
  unavailable: 'The name org.freedesktop.secrets was not provided by any .service files',
};

export interface SwitchableKeychain {
  store: SecretStore;
  /** While set, every keychain call fails with it; null = the real keyring answers. */
  fault: KeychainFault;
  /** Calls made while a fault was set (proves the switch was actually hit). */
  failedCalls: number;
}

export function createSwitchableKeychain(service: string): SwitchableKeychain {
  const real = createKeytarStore({ service });
  const sw: SwitchableKeychain = { fault: null, failedCalls: 0, store: real };
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    if (sw.fault) {
      sw.failedCalls += 1;
      throw classifyKeychainFailure(new Error(MESSAGES[sw.fault]), 'linux');
    }
    return work();
  };
  sw.store = {
    service: real.service,
    get: (a) => guard(() => real.get(a)),
    set: (a, v, o) => guard(() => real.set(a, v, o)),
    delete: (a) => guard(() => real.delete(a)),
    listAccounts: () => guard(() => real.listAccounts()),
  };
  return sw;
}
