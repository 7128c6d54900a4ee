// Proposes provider, kind and environment for a pasted value from its documented or observed
// format (shared/reference/square-api.md §2, clover-api.md §4-5). The user always confirms.
import type { Proposal } from '../ipc/contract';
import { AppError } from '../ipc/errors';

export const MAX_SECRET_LENGTH = 4096; // Square allows access tokens up to 1024 characters (square-api.md §2).

type Rule = { test: RegExp; proposal: Proposal };

const RULES: Rule[] = [
  { test: /^sandbox-sq0idb-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'application_id', environment: 'sandbox', confidence: 'documented', reason: 'Square sandbox application IDs start with "sandbox-sq0idb-".' } },
  { test: /^sq0idp-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'application_id', environment: 'production', confidence: 'documented', reason: 'Square production application IDs start with "sq0idp-".' } },
  { test: /^sandbox-sq0csb-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'application_secret', environment: 'sandbox', confidence: 'documented', reason: 'Square sandbox application secrets start with "sandbox-sq0csb-".' } },
  { test: /^sq0csp-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'application_secret', environment: 'production', confidence: 'documented', reason: 'Square production application secrets start with "sq0csp-".' } },
  { test: /^sandbox-sq0atb-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'access_token', environment: 'sandbox', confidence: 'observed', reason: 'Legacy Square sandbox access tokens start with "sandbox-sq0atb-".' } },
  { test: /^sq0atp-[\w-]{10,}$/, proposal: { provider: 'square', kind: 'access_token', environment: 'production', confidence: 'observed', reason: 'Legacy Square production access tokens start with "sq0atp-".' } },
  // EAAA tokens look the same in sandbox and production: the environment is left for the user.
  { test: /^EAAA[\w-]{16,}$/, proposal: { provider: 'square', kind: 'access_token', environment: null, confidence: 'observed', reason: 'Square access tokens start with "EAAA"; sandbox and production look alike, so choose the environment.' } },
  { test: /^EQAA[\w-]{16,}$/, proposal: { provider: 'square', kind: 'refresh_token', environment: null, confidence: 'observed', reason: 'Square refresh tokens start with "EQAA"; choose the environment.' } },
  { test: /^[0-9a-f]{32}$/i, proposal: { provider: 'clover', kind: 'pakms_key', environment: null, confidence: 'documented', reason: 'Clover PAKMS keys are 32 hexadecimal characters.' } },
  { test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, proposal: { provider: 'clover', kind: 'app_secret', environment: null, confidence: 'guess', reason: 'UUID-shaped: a Clover app secret, or a legacy (v1) Clover API token. Check which.' } },
  { test: /^[A-Z0-9]{13}$/, proposal: { provider: 'clover', kind: 'app_id', environment: null, confidence: 'guess', reason: '13 characters, like a Clover app ID (merchant IDs look the same).' } },
];

/** Clover v2 tokens have no fixed format or length (clover-api.md §2), so this is only a guess. */
const GENERIC_TOKEN: Rule = {
  test: /^[\w.~+/=-]{20,}$/,
  proposal: { provider: 'clover', kind: 'access_token', environment: null, confidence: 'guess', reason: 'No known prefix; Clover access tokens have no fixed format. Check provider and kind.' },
};

export function normaliseSecret(raw: string): string {
  return raw.trim().replace(/^(['"])(.*)\1$/s, '$2');
}

export function classify(raw: string): Proposal {
  const value = normaliseSecret(raw);
  if (value.length === 0) throw new AppError('CLIPBOARD_EMPTY', 'There is nothing to import.', 'Copy the credential from the vendor dashboard first.');
  if (value.length > MAX_SECRET_LENGTH || /\s/.test(value)) {
    throw new AppError('UNRECOGNIZED_SECRET', 'That does not look like a Clover or Square credential.', 'Copy only the credential itself: one value, no spaces or line breaks.');
  }
  for (const rule of [...RULES, GENERIC_TOKEN]) if (rule.test.test(value)) return { ...rule.proposal };
  throw new AppError('UNRECOGNIZED_SECRET', 'That does not look like a Clover or Square credential.', 'Credentials are at least 13 characters without spaces, e.g. EAAA… for Square tokens.');
}
