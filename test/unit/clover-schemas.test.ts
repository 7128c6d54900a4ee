// Reading Clover's answers (providers/clover/schemas.ts): what is checked, what is dropped.
import { describe, expect, it } from 'vitest';
import { Charge, ecomErrorOf, PakmsResponse, TokenResponse } from '../../src-main/providers/clover/schemas';

describe('ecomErrorOf', () => {
  it('reads the documented flat fields and the UNCONFIRMED nested form alike', () => {
    const fields = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'The card was declined.',
    };
    expect(ecomErrorOf(fields)).toMatchObject({ type: 'card_error', decline_code: 'generic_decline' });
    expect(ecomErrorOf({ error: fields })).toMatchObject({ type: 'card_error', code: 'card_declined' });
  });
  it('keeps codes only: the message is never kept, an odd field is dropped alone', () => {
    const e = ecomErrorOf({
      type: 'invalid_request_error',
      code: 'Not A Code!',
      param: 'amount',
      message: 'secret text',
    });
    expect(e).toEqual({ type: 'invalid_request_error', param: 'amount' });
  });
  it('anything else is not an error body', () => {
    expect(ecomErrorOf('<html>502</html>')).toBeNull();
    expect(ecomErrorOf({ message: '401 Unauthorized' })).toBeNull();
  });
});

describe('answers', () => {
  it('token expirations must be Unix seconds', () => {
    expect(TokenResponse.safeParse({ access_token: 'abcdefghij', access_token_expiration: 1709498373 }).success).toBe(
      true,
    );
    expect(
      TokenResponse.safeParse({ access_token: 'abcdefghij', access_token_expiration: 1709498373000 }).success,
    ).toBe(false);
  });
  it('a PAKMS answer needs the key, app and merchant', () => {
    const ok = {
      active: true,
      apiAccessKey: 'af4e0123456789abcdef0123456789d1',
      developerAppUuid: 'RKAPPID123S9C',
      merchantUuid: 'TC4DGCJW1K4EW',
    };
    expect(PakmsResponse.safeParse(ok).success).toBe(true);
    expect(PakmsResponse.safeParse({ ...ok, merchantUuid: '../etc' }).success).toBe(false);
  });
  it('a charge answer needs an id, amount and currency', () => {
    expect(Charge.safeParse({ id: '2G1RQC0VTH7WY', amount: 1100, currency: 'usd', status: 'succeeded' }).success).toBe(
      true,
    );
    expect(Charge.safeParse('{"id":"2G1RQ').success).toBe(false);
  });
});
