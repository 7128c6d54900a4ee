import { describe, expect, it } from 'vitest';
import { parseImportText } from '../../src-main/vault/import-file';
import { AppError } from '../../src-main/errors/app-error';

describe('parseImportText', () => {
  it('reads known keys from a .env file, with metadata and skipped keys', () => {
    const out = parseImportText(
      [
        '# comment',
        'SQUARE_ACCESS_TOKEN=EAAAabcdefghijklmnopqrstuvwxyz',
        'square_location_id=L88917AVBK2S5',
        'SQUARE_ENVIRONMENT=sandbox',
        'OTHER=1',
        'CLOVER_APP_SECRET="d46d1234-5678-4abc-9def-0123456f1b77"',
      ].join('\n'),
      false,
    );
    expect(out.secrets.map((s) => s.key)).toEqual(['SQUARE_ACCESS_TOKEN', 'CLOVER_APP_SECRET']);
    expect(out.secrets[1]!.value).toBe('d46d1234-5678-4abc-9def-0123456f1b77');
    expect(out.locationId).toBe('L88917AVBK2S5');
    expect(out.environments).toEqual({ clover: null, square: 'sandbox' });
    expect(out.skipped).toEqual([{ envName: 'OTHER', reason: 'not a key Merchant Keychain knows' }]);
  });

  it('reads a JSON object', () => {
    const out = parseImportText(
      '{"CLOVER_PAKMS_KEY":"af4e0123456789abcdef0123456789ab","CLOVER_MERCHANT_ID":"TC4DGCJW1K4EW"}',
      true,
    );
    expect(out.secrets).toHaveLength(1);
    expect(out.merchantIds).toEqual({ clover: 'TC4DGCJW1K4EW', square: null });
  });

  it.each([
    ['not json', true],
    ['[1,2]', true],
    ['OTHER=1\nFOO=2', false],
    ['', false],
  ])('refuses %j with FILE_INVALID and no value in the message', (text, json) => {
    let err: unknown;
    try {
      parseImportText(text, json);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_INVALID');
  });
});
