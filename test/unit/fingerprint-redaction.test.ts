import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src-main/vault/fingerprint';
import { RedactionRegistry } from '../../src-main/log/redaction';
import { Fingerprint } from '@shared/contract';

describe('fingerprint', () => {
  it('shows the ends of long values and a short hash', () => {
    const fp = fingerprint('EAAAabcdefghijklmnopqrstuvwxyz4b24');
    expect(fp).toMatch(/^EAAA…4b24 · [0-9a-f]{4}$/);
  });
  it('shows only the last two characters of short values', () => {
    expect(fingerprint('RKABCDEFGHS9C')).toMatch(/^…9C · [0-9a-f]{4}$/);
  });
  it('differs for values with the same ends', () => {
    expect(fingerprint('EAAA111111111111111111114b24')).not.toBe(fingerprint('EAAA222222222222222222224b24'));
  });
  it('is accepted by the contract schema', () => {
    expect(Fingerprint.safeParse(fingerprint('x'.repeat(40))).success).toBe(true);
  });
});

describe('RedactionRegistry', () => {
  it('scrubs registered values wherever they appear', () => {
    const r = new RedactionRegistry();
    r.register('d46d1234-5678-4abc-9def-0123456f1b77');
    expect(r.scrub('secret=d46d1234-5678-4abc-9def-0123456f1b77;')).toBe('secret=[REDACTED];');
  });
  it('scrubs credential shapes that were never registered', () => {
    const r = new RedactionRegistry();
    const out = r.scrub(
      'Authorization: Bearer abc.def-ghi and EAAAl3ikZabcdefghijklmnop and sandbox-sq0csb-abcdefghijk',
    );
    expect(out).not.toMatch(/abc\.def|EAAAl3|sq0csb-abc/);
  });
  it('redacts tokens in URL paths', () => {
    expect(new RedactionRegistry().scrub('/v3/access_tokens/TOKEN123/x?y')).toBe('/v3/access_tokens/[REDACTED]/x?y');
  });
  it('removes the longest registered value whole', () => {
    const r = new RedactionRegistry();
    r.register('abcdefgh');
    r.register('abcdefgh-ijklmnop');
    expect(r.scrub('v=abcdefgh-ijklmnop')).toBe('v=[REDACTED]');
  });
});
