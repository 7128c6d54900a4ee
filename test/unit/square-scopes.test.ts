// Scope risk in plain words (providers/square/scopes.ts): the combinations that matter, a personal
// token's full access, production money, and scopes beyond what the token's use needs.
import { describe, expect, it } from 'vitest';
import { scopeRisks } from '../../src-main/providers/square/scopes';

const texts = (r: ReturnType<typeof scopeRisks>) => r.map((x) => `${x.level}: ${x.text}`);

describe('scopeRisks', () => {
  it('CUSTOMERS_READ with PAYMENTS_WRITE: a buyer can be looked up and charged, so never off a server', () => {
    const r = texts(
      scopeRisks({
        scopes: ['CUSTOMERS_READ', 'PAYMENTS_WRITE', 'MERCHANT_PROFILE_READ'],
        personal: false,
        environment: 'sandbox',
      }),
    );
    expect(r[0]).toMatch(
      /^danger: With CUSTOMERS_READ and PAYMENTS_WRITE it can look a buyer up .* must never leave a server/,
    );
    expect(
      texts(
        scopeRisks({ scopes: ['CUSTOMERS_READ', 'MERCHANT_PROFILE_READ'], personal: false, environment: 'sandbox' }),
      ).join(),
    ).not.toMatch(/look a buyer up/);
  });

  it('a personal token: full access that never expires, and every combination it implies', () => {
    const r = texts(scopeRisks({ scopes: [], personal: true, environment: 'production' }));
    expect(r).toEqual([
      expect.stringMatching(/^danger: Personal access token: full access .* never expires/),
      expect.stringMatching(/^danger: With CUSTOMERS_READ and PAYMENTS_WRITE/),
      'danger: It can take and refund real money (production PAYMENTS_WRITE).',
    ]);
  });

  it('scopes beyond inspecting and test payments: listed, a warning when some write', () => {
    const reads = texts(
      scopeRisks({
        scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_WRITE', 'ITEMS_READ'],
        personal: false,
        environment: 'sandbox',
      }),
    );
    expect(reads).toEqual([
      'info: 1 scope beyond inspecting and test payments (ITEMS_READ). If its use needs fewer, ask the ' +
        'seller for fewer.',
    ]);
    const writes = texts(
      scopeRisks({
        scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_WRITE', 'ITEMS_WRITE', 'ORDERS_READ'],
        personal: false,
        environment: 'sandbox',
      }),
    );
    expect(writes).toEqual([expect.stringMatching(/^warning: 2 scopes beyond .* \(ITEMS_WRITE, ORDERS_READ\)/)]);
    const many = scopeRisks({
      scopes: Array.from({ length: 12 }, (_, i) => `X${i}_READ`),
      personal: false,
      environment: 'sandbox',
    });
    expect(many.find((x) => x.text.includes('12 scopes'))?.text).toMatch(/and 4 more/);
  });

  it('specific powers and missing scopes are named', () => {
    const r = texts(
      scopeRisks({
        scopes: ['PAYMENTS_WRITE_ADDITIONAL_RECIPIENTS', 'BANK_ACCOUNTS_READ'],
        personal: false,
        environment: 'sandbox',
      }),
    );
    expect(r).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: PAYMENTS_WRITE_ADDITIONAL_RECIPIENTS lets it send part of each payment/),
        expect.stringMatching(/^warning: BANK_ACCOUNTS_READ/),
        'info: Without MERCHANT_PROFILE_READ its business name and locations cannot be read.',
        'info: Without PAYMENTS_WRITE it cannot take test payments.',
      ]),
    );
  });

  it('what Merchant Keychain itself uses raises nothing', () => {
    expect(
      scopeRisks({
        scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'],
        personal: false,
        environment: 'sandbox',
      }),
    ).toEqual([]);
  });
});
