// A fingerprint lets people tell credentials apart without seeing them: "EAAA…4b24 · 7f3a".
// Long values show their first and last four characters (as the vendors' dashboards do); short
// ones (13-character IDs) only their last two, so most of the value stays hidden.
import { createHash } from 'node:crypto';

export function fingerprint(secret: string): string {
  const digest = createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 4);
  const visible = secret.length >= 24 ? `${secret.slice(0, 4)}…${secret.slice(-4)}` : `…${secret.slice(-2)}`;
  return `${visible.replace(/\s/g, '_')} · ${digest}`;
}
