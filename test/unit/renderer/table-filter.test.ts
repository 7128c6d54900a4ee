// The credentials table's pure parts: filter (text words AND, chips OR within a group), sort
// (stable, "no expiry" last both ways, Soonest expiry puts expired first), grouping, the summary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterCredentials,
  groupByMerchant,
  healthOf,
  SOONEST_EXPIRY,
  sortCredentials,
  summarize,
} from '../../../src-renderer/features/credentials/table/filter';
import { credential } from './harness';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW + days * DAY).toISOString();

const list = [
  credential({
    label: 'Checkout live',
    environment: 'production',
    merchantId: 'MERCH1',
    expiresAt: at(3),
    verdict: 'valid',
  }),
  credential({ label: 'Old token', expiresAt: at(-1), expiry: 'expired', verdict: null, merchantId: 'MERCH1' }),
  credential({ label: 'Clover app', provider: 'clover', kind: 'app_secret', verdict: 'invalid' }),
  credential({ label: 'Far away', expiresAt: at(60), verdict: 'valid', appId: 'sandbox-sq0idb-XYZ' }),
];

describe('filterCredentials', () => {
  it('text: every word must appear in label, ids or fingerprint (case-insensitive)', () => {
    expect(filterCredentials(list, { ...EMPTY_FILTER, text: 'CHECKOUT live' }, NOW, 7).map((c) => c.label)).toEqual([
      'Checkout live',
    ]);
    expect(filterCredentials(list, { ...EMPTY_FILTER, text: 'merch1' }, NOW, 7)).toHaveLength(2);
    expect(filterCredentials(list, { ...EMPTY_FILTER, text: 'sq0idb-xyz' }, NOW, 7).map((c) => c.label)).toEqual([
      'Far away',
    ]);
    expect(filterCredentials(list, { ...EMPTY_FILTER, text: 'nothing-like-this' }, NOW, 7)).toEqual([]);
  });

  it('chips: provider, environment and health', () => {
    const f = (p: Partial<typeof EMPTY_FILTER>) =>
      filterCredentials(list, { ...EMPTY_FILTER, ...p }, NOW, 7).map((c) => c.label);
    expect(f({ providers: ['clover'] })).toEqual(['Clover app']);
    expect(f({ environments: ['production'] })).toEqual(['Checkout live']);
    expect(f({ health: ['expired'] })).toEqual(['Old token']);
    expect(f({ health: ['soon'] })).toEqual(['Checkout live']);
    expect(f({ health: ['invalid', 'unchecked'] })).toEqual(['Old token', 'Clover app']);
  });

  it('the warning window decides "soon"', () => {
    expect(healthOf(list[3]!, NOW, 7)).toEqual([]);
    expect(healthOf(list[3]!, NOW, 90)).toEqual(['soon']);
  });

  it('property: the result is the sub-list of items that match, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.subarray(['clover', 'square'] as const), (text, providers) => {
        const out = filterCredentials(list, { ...EMPTY_FILTER, text, providers: [...providers] }, NOW, 7);
        const idx = out.map((c) => list.indexOf(c));
        expect(idx).toEqual([...idx].sort((a, b) => a - b));
        for (const c of out) if (providers.length) expect(providers).toContain(c.provider);
      }),
    );
  });
});

describe('sortCredentials', () => {
  it('Soonest expiry: expired first, then soonest, no expiry last', () => {
    expect(sortCredentials(list, SOONEST_EXPIRY).map((c) => c.label)).toEqual([
      'Old token',
      'Checkout live',
      'Far away',
      'Clover app',
    ]);
    // Descending keeps "no expiry" last too.
    expect(
      sortCredentials(list, { key: 'expires', dir: 'desc' })
        .map((c) => c.label)
        .at(-1),
    ).toBe('Clover app');
  });

  it('property: a sort is a permutation, and sorting twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('label', 'verdict', 'environment', 'expires', 'added') as fc.Arbitrary<'label'>,
        fc.boolean(),
        (key, asc) => {
          const s = { key, dir: asc ? ('asc' as const) : ('desc' as const) };
          const once = sortCredentials(list, s);
          expect([...once].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
            [...list].sort((a, b) => a.id.localeCompare(b.id)),
          );
          expect(sortCredentials(once, s)).toEqual(once);
        },
      ),
    );
  });
});

describe('grouping and summary', () => {
  it('groups by merchant, no merchant last', () => {
    const g = groupByMerchant(list);
    expect(g.map((x) => [x.merchantId, x.rows.length])).toEqual([
      ['MERCH1', 2],
      [null, 2],
    ]);
  });

  it('summarises only what is not zero', () => {
    expect(summarize(list, NOW, 7)).toBe('1 expired · 1 within 7 days · 1 invalid · 1 unchecked');
    expect(summarize([list[3]!], NOW, 7)).toBe('Nothing expired, expiring or invalid');
  });
});
