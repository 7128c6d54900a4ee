// Reading a pasted token-endpoint answer (vault/token-response.ts).
import { describe, expect, it } from 'vitest';
import { parseTokenResponse } from '../../src-main/vault/token-response';

const AT = 'CLV2accessTokenValue0123456789';
const RT = 'CLV2refreshTokenValue0123456789';

describe('parseTokenResponse', () => {
  it('is null for anything that is not a JSON object (an ordinary paste)', () => {
    expect(parseTokenResponse(AT)).toBeNull();
    expect(parseTokenResponse('  EAAAsomething')).toBeNull();
  });
  it("reads Clover's four fields, seconds to ISO", () => {
    const r = parseTokenResponse(
      JSON.stringify({
        access_token: AT,
        access_token_expiration: 1709498373,
        refresh_token: RT,
        refresh_token_expiration: 1741034373,
      }),
    );
    expect(r).toEqual({
      provider: 'clover',
      access: { value: AT, expiresAt: '2024-03-03T20:39:33.000Z' },
      refresh: { value: RT, expiresAt: '2025-03-03T20:39:33.000Z' },
      merchantId: null,
    });
  });
  it("reads Square's ObtainTokenResponse", () => {
    const r = parseTokenResponse(
      JSON.stringify({
        access_token: 'EAAA0123456789abcdefghij',
        expires_at: '2026-01-01T00:00:00Z',
        merchant_id: 'ML1',
        refresh_token: 'EQAA0123456789abcdefghij',
      }),
    );
    expect(r).toMatchObject({
      provider: 'square',
      merchantId: 'ML1',
      access: { expiresAt: '2026-01-01T00:00:00.000Z' },
      refresh: { expiresAt: null },
    });
  });
  it('refuses malformed answers without echoing a value', () => {
    for (const body of [
      '{"access_token": ',
      JSON.stringify({ access_token: AT }),
      JSON.stringify({ access_token: AT, access_token_expiration: 'soon' }),
    ]) {
      let message = '';
      try {
        parseTokenResponse(body);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/not a token response/);
      expect(message).not.toContain(AT);
    }
  });
});
