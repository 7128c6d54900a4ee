// What the app warns about while it runs (issue #10): a pure function of metadata and time.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dueNotices, osNotifications } from '../../src-main/inspect/expiry-notices';
import type { StoredCredential } from '../../src-main/vault/stored-record';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const DAY = 86_400_000;
const rec = (over: Partial<StoredCredential>): StoredCredential =>
  ({
    id: randomUUID(),
    provider: 'clover',
    kind: 'access_token',
    environment: 'sandbox',
    label: 'Token',
    status: 'active',
    fingerprint: 'EAAA…4b24 · 7f3a',
    source: 'file',
    addedAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    expiresAt: null,
    lastCheckedAt: null,
    merchantId: null,
    appId: null,
    locationId: null,
    parentId: null,
    inspection: null,
    valueHash: null,
    ...over,
  }) as StoredCredential;
const iso = (ms: number) => new Date(ms).toISOString();

describe('dueNotices', () => {
  it('warns inside the window and after expiry, not before, and never for pending or undated credentials', () => {
    const soon = rec({ label: 'Soon', expiresAt: iso(NOW + 3 * DAY) });
    const later = rec({ label: 'Later', expiresAt: iso(NOW + 20 * DAY) });
    const expired = rec({ label: 'Gone', expiresAt: iso(NOW - 2 * DAY) });
    const pending = rec({ status: 'pending', expiresAt: iso(NOW + DAY) });
    const undated = rec({});
    const notes = dueNotices([soon, later, expired, pending, undated], NOW, 7);
    expect(notes.map((n) => [n.credentialId, n.title])).toEqual([
      [soon.id, 'Soon expires in 3 days'],
      [expired.id, 'Gone has expired'],
    ]);
    expect(dueNotices([later], NOW, 30).map((n) => n.key)).toEqual([`${later.id}:soon`]);
  });

  it("flags a Square OAuth token older than Square's 8-day guidance, and says PROD for production", () => {
    const old = rec({ provider: 'square', environment: 'production', label: 'Seller', expiresAt: iso(NOW + 21 * DAY) }); // issued 9 days ago
    const fresh = rec({ provider: 'square', label: 'Fresh', expiresAt: iso(NOW + 25 * DAY) }); // 5 days old
    const notes = dueNotices([old, fresh], NOW, 7);
    expect(notes).toEqual([
      {
        credentialId: old.id,
        key: `${old.id}:square-age`,
        title: 'PROD · Seller is 9 days old',
        body: 'Square recommends refreshing OAuth access tokens every 7 days or less.',
      },
    ]);
  });
});

describe('osNotifications', () => {
  const n = (i: number) => ({ title: `t${i}`, body: `b${i}` });
  it('shows up to three as they are and sums up the rest in one', () => {
    expect(osNotifications([n(1), n(2)])).toEqual([n(1), n(2)]);
    expect(osNotifications([n(1), n(2), n(3), n(4), n(5)])).toEqual([
      n(1),
      n(2),
      { title: '3 more credentials need attention', body: 'Open Merchant Keychain to see which ones.' },
    ]);
  });
});
