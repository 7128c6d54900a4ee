// Scrubs secrets from any text before it is logged or put in an error (DESIGN invariant 6).
// Two layers: exact values the process has loaded (registered here), and patterns for credential
// shapes we may see before they are registered (e.g. a token echoed back in a vendor error body).

const REDACTED = '[REDACTED]';

/** Shapes of credentials from shared/reference (square-api.md §2, clover-api.md §4). */
const SECRET_PATTERNS: RegExp[] = [
  /\b(?:EAAA|EQAA)[\w-]{16,}/g, // Square access / refresh tokens (observed prefixes)
  /\b(?:sandbox-)?sq0(?:atp|atb|csp|csb)-[\w-]{8,}/g, // Square legacy tokens and app secrets
  /\bBearer\s+[^\s"',]+/gi, // any bearer credential in a header dump
  /\bClient\s+(?:sandbox-)?sq0cs[pb]-[^\s"',]+/g, // Square revoke header
];

/** URL path segments that carry a token (clover-api.md §8: /v3/access_tokens/{token}). */
const TOKEN_PATH = /(\/access_tokens\/)[^/?#\s"]+/gi;

export class RedactionRegistry {
  private readonly values = new Set<string>();

  /** Remember a secret so every later log line and error message is scrubbed of it. */
  register(value: string): void {
    // Very short values would scrub ordinary words; real credentials here are >= 13 characters.
    if (value.length >= 8) this.values.add(value);
  }

  forget(value: string): void {
    this.values.delete(value);
  }

  get size(): number {
    return this.values.size;
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a value containing another registered value is removed whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    for (const v of sorted) if (out.includes(v)) out = out.split(v).join(REDACTED);
    for (const p of SECRET_PATTERNS) out = out.replace(p, REDACTED);
    return out.replace(TOKEN_PATH, `$1${REDACTED}`);
  }
}
