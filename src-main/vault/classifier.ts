// Proposes provider, kind and environment for a pasted value from its documented or observed
// format (shared/reference/square-api.md §2, clover-api.md §4-5). The user always confirms.
// Other vendors' credentials are named and refused rather than guessed as Clover tokens.
import type { Proposal } from '@shared/contract';
import { AppError } from '../errors/app-error';
import { foreignFormatOf } from '../log/credential-patterns';

export const MAX_SECRET_LENGTH = 4096; // Square allows access tokens up to 1024 characters (square-api.md §2).

type Rule = { test: RegExp; proposal: Proposal };

const sq = (
  kind: Extract<Proposal, { provider: 'square' }>['kind'],
  environment: Proposal['environment'],
  confidence: Proposal['confidence'],
  reason: string,
): Proposal => ({ provider: 'square', kind, environment, confidence, reason });
const cl = (
  kind: Extract<Proposal, { provider: 'clover' }>['kind'],
  confidence: Proposal['confidence'],
  reason: string,
): Proposal => ({ provider: 'clover', kind, environment: null, confidence, reason });

const RULES: Rule[] = [
  {
    test: /^sandbox-sq0idb-[\w-]{10,}$/,
    proposal: sq(
      'application_id',
      'sandbox',
      'documented',
      'Square sandbox application IDs start with "sandbox-sq0idb-".',
    ),
  },
  {
    test: /^sq0idp-[\w-]{10,}$/,
    proposal: sq(
      'application_id',
      'production',
      'documented',
      'Square production application IDs start with "sq0idp-".',
    ),
  },
  {
    test: /^sandbox-sq0csb-[\w-]{10,}$/,
    proposal: sq(
      'application_secret',
      'sandbox',
      'documented',
      'Square sandbox application secrets start with "sandbox-sq0csb-".',
    ),
  },
  {
    test: /^sq0csp-[\w-]{10,}$/,
    proposal: sq(
      'application_secret',
      'production',
      'documented',
      'Square production application secrets start with "sq0csp-".',
    ),
  },
  {
    test: /^sandbox-sq0atb-[\w-]{10,}$/,
    proposal: sq(
      'access_token',
      'sandbox',
      'observed',
      'Legacy Square sandbox access tokens start with "sandbox-sq0atb-".',
    ),
  },
  {
    test: /^sq0atp-[\w-]{10,}$/,
    proposal: sq(
      'access_token',
      'production',
      'observed',
      'Legacy Square production access tokens start with "sq0atp-".',
    ),
  },
  // EAAA tokens look the same in sandbox and production: the environment is left for the user.
  {
    test: /^EAAA[\w-]{16,}$/,
    proposal: sq(
      'access_token',
      null,
      'observed',
      'Square access tokens start with "EAAA"; sandbox and production look alike, so choose the environment.',
    ),
  },
  {
    test: /^EQAA[\w-]{16,}$/,
    proposal: sq('refresh_token', null, 'observed', 'Square refresh tokens start with "EQAA"; choose the environment.'),
  },
  {
    test: /^[0-9a-f]{32}$/i,
    proposal: cl('pakms_key', 'documented', 'Clover PAKMS keys are 32 hexadecimal characters.'),
  },
  {
    test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    proposal: cl(
      'app_secret',
      'guess',
      'UUID-shaped: a Clover app secret, or a legacy (v1) Clover API token. Check which.',
    ),
  },
  {
    test: /^[A-Z0-9]{13}$/,
    proposal: cl('app_id', 'guess', '13 characters, like a Clover app ID (merchant IDs look the same).'),
  },
];

/** Clover v2 tokens have no fixed format or length (clover-api.md §2), so this is only a guess. */
const GENERIC_TOKEN: Rule = {
  test: /^[\w.~+/=-]{20,}$/,
  proposal: cl(
    'access_token',
    'guess',
    'No known prefix; Clover access tokens have no fixed format. Check provider and kind.',
  ),
};

export function normaliseSecret(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^(['"])(.*)\1$/s, '$2');
}

export function classify(raw: string): Proposal {
  const value = normaliseSecret(raw);
  if (value.length === 0)
    throw new AppError(
      'CLIPBOARD_EMPTY',
      'There is nothing to import.',
      'Copy the credential from the vendor dashboard first.',
    );
  const foreign = foreignFormatOf(value);
  if (foreign) {
    throw new AppError(
      'UNRECOGNIZED_SECRET',
      `That is not a Clover or Square credential: it looks like ${foreign.name}.`,
      'Merchant Keychain keeps only Clover and Square credentials. Keep this one in the tool made for it.',
    );
  }
  if (value.length > MAX_SECRET_LENGTH || /\s/.test(value)) {
    throw new AppError(
      'UNRECOGNIZED_SECRET',
      'That does not look like a Clover or Square credential.',
      'Copy only the credential itself: one value, no spaces or line breaks.',
    );
  }
  for (const rule of [...RULES, GENERIC_TOKEN]) if (rule.test.test(value)) return { ...rule.proposal };
  throw new AppError(
    'UNRECOGNIZED_SECRET',
    'That does not look like a Clover or Square credential.',
    'Credentials are at least 13 characters without spaces, e.g. EAAA… for Square tokens.',
  );
}

/** True when the value is another vendor's credential (so a failed paste should not leave it on the clipboard). */
export function isForeignCredential(raw: string): boolean {
  return foreignFormatOf(normaliseSecret(raw)) !== null;
}
