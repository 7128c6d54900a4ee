// Keychain housekeeping shared by the integration fixture, the end-to-end fixture and the bench:
// refuse to run outside the private keyring, name a throwaway service, and empty it afterwards.
import { randomBytes } from 'node:crypto';
import keytar from 'keytar';

export function assertPrivateKeyring(): void {
  // Set by test/with-keyring.sh; without it we could be talking to a person's real keychain.
  if (process.env.MK_IN_PRIVATE_KEYRING !== '1') {
    throw new Error(
      'Run this through test/with-keyring.sh (npm test and npm run bench do), never against your own keychain.',
    );
  }
}

export function uniqueService(purpose: 'test' | 'e2e' | 'bench'): string {
  return `merchant-keychain-${purpose}-${randomBytes(6).toString('hex')}`;
}

export async function keychainAccounts(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.account).sort();
}

/** Deletes every item of `service`; says how many went and how many are left. */
export async function emptyService(service: string): Promise<{ deleted: number; remaining: number }> {
  let deleted = 0;
  for (const account of await keychainAccounts(service)) if (await keytar.deletePassword(service, account)) deleted++;
  return { deleted, remaining: (await keychainAccounts(service)).length };
}
