// Shapes of credentials, ours and other vendors', used to keep them out of logs and metadata and
// to say "that is a Stripe key" instead of guessing "Clover access token". Sources: square-api.md
// §2 (observed prefixes, gitleaks rules), clover-api.md §4-5, and the other vendors' published
// key formats as recognised by secret scanners (gitleaks / GitHub secret scanning).

/** Square tokens and secrets (observed prefixes) and Clover card tokens, wherever they appear. */
export const OUR_SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:EAAA|EQAA)[\w-]{16,}/g,
  /\b(?:sandbox-)?sq0(?:atp|atb|csp|csb)-[\w-]{8,}/g,
  /\bclv_[\w-]{8,}/g,
];

/**
 * Whole values that are secrets by shape alone: a Clover PAKMS key (32 hex) and a UUID (a Clover
 * app secret or legacy token, clover-api.md §2, §4). Not scrubbed from logs, where our own ids are
 * UUIDs, but never accepted as a label or a merchant, app or location id.
 */
export const SECRET_SHAPED_VALUES: readonly RegExp[] = [
  /^[0-9a-f]{32}$/i,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
];

export interface ForeignFormat {
  test: RegExp;
  name: string;
}

/** Credentials of other vendors: refused at import with their name, scrubbed from logs. */
export const FOREIGN_FORMATS: readonly ForeignFormat[] = [
  { test: /^(?:sk|rk)_(?:test|live)_[0-9A-Za-z]{10,}$/, name: 'a Stripe secret key' },
  { test: /^pk_(?:test|live)_[0-9A-Za-z]{10,}$/, name: 'a Stripe publishable key' },
  { test: /^whsec_[0-9A-Za-z]{10,}$/, name: 'a Stripe webhook secret' },
  { test: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/, name: 'an AWS access key ID' },
  { test: /^(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,}$/, name: 'a GitHub token' },
  { test: /^github_pat_[0-9A-Za-z_]{30,}$/, name: 'a GitHub token' },
  { test: /^glpat-[\w-]{20,}$/, name: 'a GitLab token' },
  { test: /^xox[abposr]-[\w-]{10,}$/, name: 'a Slack token' },
  { test: /^AIza[\w-]{35}$/, name: 'a Google API key' },
  { test: /^SG\.[\w-]{16,}\.[\w-]{16,}$/, name: 'a SendGrid API key' },
  { test: /^(?:access_token\$production\$|A21AA)[\w$-]{20,}$/, name: 'a PayPal / Braintree token' },
  { test: /^npm_[0-9A-Za-z]{36}$/, name: 'an npm token' },
  { test: /^-----BEGIN [A-Z ]*PRIVATE KEY-----/, name: 'a private key' },
];

const JWT = /^eyJ[\w-]{5,}\.(eyJ[\w-]{5,})\.[\w-]*$/;

/** The `iss` claim of a JWT-shaped value ('' when it has none), or null when it is not a JWT. */
function jwtIssuer(value: string): string | null {
  const m = JWT.exec(value);
  if (!m) return null;
  try {
    const claims = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'string' ? claims.iss : '';
  } catch {
    return '';
  }
}

/** The same foreign formats, unanchored, for scrubbing them out of free text. */
export const FOREIGN_SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:sk|rk|pk)_(?:test|live)_[0-9A-Za-z]{10,}/g,
  /\bwhsec_[0-9A-Za-z]{10,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{30,}/g,
  /\bgithub_pat_[0-9A-Za-z_]{30,}/g,
  /\bglpat-[\w-]{20,}/g,
  /\bxox[abposr]-[\w-]{10,}/g,
  /\bAIza[\w-]{35}/g,
  /\bSG\.[\w-]{16,}\.[\w-]{16,}/g,
  /\bnpm_[0-9A-Za-z]{36}/g,
  /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/g,
];

export function foreignFormatOf(value: string): ForeignFormat | null {
  const known = FOREIGN_FORMATS.find((f) => f.test.test(value));
  if (known) return known;
  // Clover's v2 token format is not fixed (clover-api.md §2): a JWT is foreign only when its
  // issuer is someone else.
  const iss = jwtIssuer(value);
  if (iss !== null && !/(^|[./])(clover\.com|squareup\.com|squareupsandbox\.com)(\/|$)/i.test(iss)) {
    return {
      test: JWT,
      name: iss ? `a JSON Web Token issued by ${iss.slice(0, 60)}` : 'a JSON Web Token of another issuer',
    };
  }
  return null;
}
