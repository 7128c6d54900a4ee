import { describe, expect, it } from 'vitest';
import { classify } from '../../src-main/vault/classifier';
import { AppError } from '../../src-main/errors/app-error';

const cases: [string, string, string, string | null][] = [
  ['sandbox-sq0idb-uaPHILoPzWZk3tlJqlML0g', 'square', 'application_id', 'sandbox'],
  ['sq0idp-uaPHILoPzWZk3tlJqlML0g', 'square', 'application_id', 'production'],
  ['sandbox-sq0csb-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'square', 'application_secret', 'sandbox'],
  ['sq0csp-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'square', 'application_secret', 'production'],
  ['EAAAl3ikZabcdefghijklmnopqrstuvwxyz0123456789-_AbCdEfGhIjKlMnOp', 'square', 'access_token', null],
  ['EQAAl3ikZabcdefghijklmnopqrstuvwxyz0123456789', 'square', 'refresh_token', null],
  ['sandbox-sq0atb-abcdefghijklmnopqrstuv', 'square', 'access_token', 'sandbox'],
  ['sq0atp-abcdefghijklmnopqrstuv', 'square', 'access_token', 'production'],
  ['af4e0123456789abcdef0123456789ab', 'clover', 'pakms_key', null],
  ['d46d1234-5678-4abc-9def-0123456f1b77', 'clover', 'app_secret', null],
  ['RKABCDEFGHS9C', 'clover', 'app_id', null],
  ['7a1f0c2e9b3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b', 'clover', 'access_token', null],
];

const jwt = (claims: object): string =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJlc2lnbmF0dXJl`;

describe("other vendors' credentials are named, never guessed as Clover tokens (issue #7)", () => {
  it.each([
    ['sk_test_51HqFakeStripeKeyABCDEF123456', 'a Stripe secret key'],
    ['rk_live_51HqFakeStripeKeyABCDEF123456', 'a Stripe secret key'],
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key ID'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', 'a GitHub token'],
    ['xoxb-123456789012-abcdefghijkl', 'a Slack token'],
    [
      jwt({ iss: 'https://login.example-idp.com', sub: 'u1' }),
      'a JSON Web Token issued by https://login.example-idp.com',
    ],
    [jwt({ sub: 'no issuer' }), 'a JSON Web Token of another issuer'],
  ])('%s -> %s', (value, name) => {
    expect(() => classify(value)).toThrowError(`That is not a Clover or Square credential: it looks like ${name}.`);
  });

  it('a JWT issued by Clover is still a Clover token (its v2 format is not fixed, clover-api.md §2)', () => {
    expect(classify(jwt({ iss: 'https://www.clover.com', sub: 'm1' }))).toMatchObject({
      provider: 'clover',
      kind: 'access_token',
    });
  });
});

describe('classify', () => {
  it.each(cases)('%s -> %s %s (%s)', (value, provider, kind, environment) => {
    const p = classify(value);
    expect([p.provider, p.kind, p.environment]).toEqual([provider, kind, environment]);
    expect(p.reason.length).toBeGreaterThan(10);
    expect(p.reason).not.toContain(value);
  });

  it('strips surrounding whitespace and quotes before matching', () => {
    expect(classify('  "sq0idp-uaPHILoPzWZk3tlJqlML0g"\n').kind).toBe('application_id');
  });

  it.each([
    ['', 'CLIPBOARD_EMPTY'],
    ['   ', 'CLIPBOARD_EMPTY'],
    ['hello world this is prose', 'UNRECOGNIZED_SECRET'],
    ['short', 'UNRECOGNIZED_SECRET'],
    ['EAAA' + 'x'.repeat(5000), 'UNRECOGNIZED_SECRET'],
  ])('refuses %j with %s', (value, code) => {
    expect(() => classify(value)).toThrowError(AppError);
    try {
      classify(value);
    } catch (e) {
      expect((e as AppError).code).toBe(code);
    }
  });
});
