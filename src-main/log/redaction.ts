// Scrubs secrets from any text before it is logged or put in an error (DESIGN invariant 6).
// Two layers: exact values the process has loaded (registered here), and patterns for credential
// shapes we may see before they are registered (e.g. a token echoed back in a vendor error body).
import { FOREIGN_SECRET_PATTERNS, OUR_SECRET_PATTERNS, SECRET_SHAPED_VALUES } from './credential-patterns';

const REDACTED = '[REDACTED]';

const SECRET_PATTERNS: readonly RegExp[] = [
  ...OUR_SECRET_PATTERNS,
  ...FOREIGN_SECRET_PATTERNS,
  /\bBearer\s+[^\s"',]+/gi, // any bearer credential in a header dump
  /\bClient\s+(?:sandbox-)?sq0cs[pb]-[^\s"',]+/g, // Square revoke header
];

/** URL path segments that carry a token (clover-api.md §8: /v3/access_tokens/{token}). */
const TOKEN_PATH = /(\/access_tokens\/)[^/?#\s"]+/gi;

/** Shortest substring of a registered secret that counts as a leak of it in metadata. */
const MIN_PARTIAL = 12;

/** Registered values are found by their first characters, so a line is scanned once however many
 *  secrets are registered (a bulk inspection registers hundreds, and every log line is scrubbed). */
const PREFIX = 8;

export class RedactionRegistry {
  private readonly values = new Set<string>();
  private byPrefix = new Map<string, string[]>();

  /** Remember a secret so every later log line and error message is scrubbed of it. */
  register(value: string): void {
    // Very short values would scrub ordinary words; real credentials here are >= 13 characters.
    if (value.length >= PREFIX && !this.values.has(value)) {
      this.values.add(value);
      const key = value.slice(0, PREFIX);
      this.byPrefix.set(key, [...(this.byPrefix.get(key) ?? []), value]);
    }
  }

  forget(value: string): void {
    if (!this.values.delete(value)) return;
    const key = value.slice(0, PREFIX);
    const rest = (this.byPrefix.get(key) ?? []).filter((v) => v !== value);
    if (rest.length > 0) this.byPrefix.set(key, rest);
    else this.byPrefix.delete(key);
  }

  /** Registered values that may occur in `text`: those whose first characters do. */
  private candidates(text: string): string[] {
    const found = new Set<string>();
    for (let i = 0; i + PREFIX <= text.length; i++) {
      const list = this.byPrefix.get(text.slice(i, i + PREFIX));
      if (list) for (const v of list) found.add(v);
    }
    return [...found];
  }

  get size(): number {
    return this.values.size;
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a value containing another registered value is removed whole.
    const candidates = this.values.size === 0 ? [] : this.candidates(text).sort((a, b) => b.length - a.length);
    for (const v of candidates) if (out.includes(v)) out = out.split(v).join(REDACTED);
    for (const p of SECRET_PATTERNS) out = out.replace(p, REDACTED);
    return out.replace(TOKEN_PATH, `$1${REDACTED}`);
  }

  /**
   * True when `text` holds a registered secret, a long enough piece of one, or anything shaped
   * like a credential. Used before metadata (labels, ids) is stored, so no secret reaches
   * credentials.json or a listing by a side door.
   */
  containsSecret(text: string): boolean {
    if (this.scrub(text) !== text) return true;
    const words = text.split(/[\s"',;:()[\]{}<>]+/);
    if (words.some((w) => SECRET_SHAPED_VALUES.some((p) => p.test(w)))) return true;
    const long = [text, ...words].filter((w) => w.length >= MIN_PARTIAL);
    for (const v of this.values) if (long.some((w) => v.includes(w))) return true;
    return false;
  }
}
