// @vitest-environment happy-dom
// The store holds views only, and its test hook exists only when the test bridge asks for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credential, installFakeKeychain, removeFakeKeychain } from './harness';
import { ALL_KINDS, KIND_LABELS } from '@shared/vocabulary';
import {
  credentialStatus,
  environmentLabel,
  kindLabel,
  providerLabel,
  relativeTime,
  STATUS_LABELS,
} from '../../../src-renderer/lib/format';

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
        'appInfo',
        'appInfoStatus',
        'attempts',
        'attemptsStatus',
        'bulkCheck',
        'groupByMerchant',
        'tableFilter',
        'tableSort',
        'chargeBusy',
        'clipboardInspection',
        'connecting',
        'copiedCurl',
        'detailsBusy',
        'diagramFilter',
        'graph',
        'graphStatus',
        'detailsMessage',
        'inspectingClipboard',
        'inspections',
        'lastAttemptId',
        'busy',
        'checkingConnection',
        'checkingKeychain',
        'connectionCheck',
        'credentials',
        'credentialsStatus',
        'error',
        'focusRequest',
        'importingFile',
        'keychainCheck',
        'notice',
        'orphanBusy',
        'pasting',
        'pendingProductionCopy',
        'productionCopyConfirmed',
        'proposals',
        'requests',
        'requestsStatus',
        'retryingKeychain',
        'selectedNodeId',
        'route',
        'selectedId',
        'settings',
        'settingsStatus',
        'toast',
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

describe('callMain', () => {
  it('answers the data, or shows the error (with an offer when asked) and answers null', async () => {
    vi.resetModules();
    const { useStore } = await import('../../../src-renderer/app/store');
    const fake = installFakeKeychain();
    const s = useStore.getState();
    expect(await s.callMain((k) => k.getSettings())).toEqual({ clipboardClearSeconds: 30, expiryWarningDays: 7 });
    expect(useStore.getState().error).toBeNull();

    fake.api.getSettings.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INTERNAL', message: 'No.', hint: null, fields: [] },
    });
    expect(await s.callMain((k) => k.getSettings())).toBeNull();
    expect(useStore.getState().error).toEqual({ code: 'INTERNAL', message: 'No.', hint: null, fields: [] });

    fake.api.getSettings.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Gone.', hint: null, fields: [] },
    });
    const offer = (e: { code: string }) => (e.code === 'NOT_FOUND' ? ('check-keychain' as const) : undefined);
    expect(await s.callMain((k) => k.getSettings(), { offer })).toBeNull();
    expect(useStore.getState().error).toMatchObject({ code: 'NOT_FOUND', offer: 'check-keychain' });
  });
});

describe('format', () => {
  it('reads the status from main’s expiry verdict, never from the date', () => {
    // The dates say the opposite of the verdicts: only `expiry` may decide what is shown.
    const past = '2000-01-01T00:00:00Z';
    const future = '2999-01-01T00:00:00Z';
    expect(credentialStatus({ status: 'pending', expiry: 'expired' })).toBe('pending');
    expect(credentialStatus({ status: 'active', expiry: 'none' })).toBe('active');
    expect(credentialStatus({ status: 'active', expiry: 'valid' })).toBe('active');
    expect(credentialStatus({ status: 'active', expiry: 'soon' })).toBe('soon');
    expect(credentialStatus({ status: 'active', expiry: 'expired' })).toBe('expired');
    expect(credentialStatus({ status: 'active', expiry: 'valid', expiresAt: past } as never)).toBe('active');
    expect(credentialStatus({ status: 'active', expiry: 'expired', expiresAt: future } as never)).toBe('expired');
    expect(STATUS_LABELS).toEqual({ pending: 'Pending', active: 'Active', soon: 'Expires soon', expired: 'Expired' });
  });

  it('labels come from the shared vocabulary', () => {
    const now = Date.parse('2025-01-10T00:00:00Z');
    expect(relativeTime('2025-01-13T00:00:00Z', now)).toBe('in 3 days');
    expect(relativeTime('2025-01-09T22:00:00Z', now)).toBe('2 hours ago');
    for (const kind of ALL_KINDS) expect(kindLabel(kind)).toBe(KIND_LABELS[kind]);
    expect(kindLabel('pakms_key')).toBe('PAKMS key');
    expect(providerLabel('square')).toBe('Square');
    expect(providerLabel('other')).toBe('Other');
    expect(environmentLabel(null)).toBe('Unknown');
    expect(environmentLabel('production')).toBe('Production');
  });
});
