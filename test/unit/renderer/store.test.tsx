// @vitest-environment happy-dom
// The store holds views only, and its test hook exists only when the test bridge asks for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credential, installFakeKeychain, removeFakeKeychain } from './harness';
import { health, relativeTime, kindLabel } from '../../../src-renderer/lib/format';
import { KINDS as RENDERER_KINDS } from '../../../src-renderer/lib/vocabulary';
import { KINDS as CONTRACT_KINDS } from '@shared/vocabulary';

afterEach(() => {
  removeFakeKeychain();
  delete (window as { __MK_TEST__?: boolean }).__MK_TEST__;
  vi.resetModules();
});

describe('store', () => {
  it('keeps only the contract’s view fields after every action', async () => {
    vi.resetModules();
    const { useStore } = await import('../../../src-renderer/app/store');
    installFakeKeychain({ credentials: [credential({ label: 'A' })] });
    const s = useStore.getState();
    await s.loadCredentials();
    await s.pasteFromClipboard();
    const id = useStore.getState().credentials[0]!.id;
    await s.renameCredential(id, 'Renamed');
    await s.copySecret(id, 'raw');
    await s.loadSettings();
    await s.loadRequests();
    const data = JSON.parse(JSON.stringify(useStore.getState())) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(
      [
        'appInfo', 'appInfoStatus', 'busy', 'checkingConnection', 'connectionCheck', 'credentials', 'credentialsStatus', 'error',
        'importingFile', 'notice',
        'pasting', 'proposals', 'requests', 'requestsStatus', 'route', 'settings', 'settingsStatus', 'toast',
      ].sort(),
    );
    const viewKeys = Object.keys(credential()).sort();
    for (const c of data.credentials as Record<string, unknown>[]) expect(Object.keys(c).sort()).toEqual(viewKeys);
  });

  it('registers window.__mkStoreSnapshot only when __MK_TEST__ was set before load', async () => {
    vi.resetModules();
    await import('../../../src-renderer/app/store');
    expect('__mkStoreSnapshot' in window).toBe(false);

    vi.resetModules();
    (window as { __MK_TEST__?: boolean }).__MK_TEST__ = true;
    const { useStore } = await import('../../../src-renderer/app/store');
    const snap = (window as { __mkStoreSnapshot?: () => { route: string } }).__mkStoreSnapshot!;
    expect(snap().route).toBe('credentials');
    // A snapshot is a copy: changing it changes nothing.
    (snap() as { route: string }).route = 'settings';
    expect(useStore.getState().route).toBe('credentials');
  });
});

describe('format', () => {
  it('derives the status shown from status and expiry', () => {
    const now = Date.parse('2025-01-10T00:00:00Z');
    expect(health({ status: 'pending', expiresAt: null }, now)).toBe('pending');
    expect(health({ status: 'active', expiresAt: null }, now)).toBe('active');
    expect(health({ status: 'active', expiresAt: '2025-01-09T00:00:00Z' }, now)).toBe('expired');
    expect(health({ status: 'active', expiresAt: '2025-01-12T00:00:00Z' }, now)).toBe('expiring');
    expect(health({ status: 'active', expiresAt: '2025-03-01T00:00:00Z' }, now)).toBe('active');
    expect(relativeTime('2025-01-13T00:00:00Z', now)).toBe('in 3 days');
    expect(relativeTime('2025-01-09T22:00:00Z', now)).toBe('2 hours ago');
    expect(kindLabel('pakms_key')).toBe('PAKMS key');
  });

  it('the renderer’s copy of the kinds equals the contract’s', () => {
    expect(RENDERER_KINDS).toEqual(CONTRACT_KINDS);
  });
});
