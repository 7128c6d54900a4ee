// Test harness for the renderer's unit tests (happy-dom): a fake window.keychain with the same
// shape as the preload's API, a tiny render() on react-dom/client + act, and DOM queries by
// accessible name so the tests read like the e2e ones without extra packages.
import { vi } from 'vitest';
import { act, createElement, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { KeychainApi } from '@shared/bridge';
import type { CredentialView, IpcError, PendingImport, RequestLogEntry, Settings, VaultHealth } from '@shared/contract';
import type { KeychainState } from '@shared/vocabulary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Fn<K extends keyof KeychainApi> = KeychainApi[K];
type Mocked = { [K in keyof KeychainApi]: ReturnType<typeof vi.fn<Fn<K>>> };

let seq = 0;
export function credential(over: Partial<CredentialView> = {}): CredentialView {
  seq += 1;
  const n = String(seq).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${n}`,
    provider: 'square',
    kind: 'access_token',
    environment: 'sandbox',
    label: `Credential ${seq}`,
    status: 'active',
    fingerprint: `EAAA…${String(seq).padStart(4, '0')} · ab${String(seq % 100).padStart(2, '0')}`,
    source: 'clipboard',
    addedAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    expiresAt: null,
    expiry: 'none',
    lastCheckedAt: null,
    merchantId: null,
    appId: null,
    locationId: null,
    ...over,
  } as CredentialView;
}

export function requestEntry(over: Partial<RequestLogEntry> = {}): RequestLogEntry {
  seq += 1;
  return {
    id: `req-${seq}`,
    at: '2025-01-02T10:00:00.000Z',
    provider: 'square',
    method: 'GET',
    host: 'connect.squareupsandbox.com',
    path: '/v2/locations',
    status: 200,
    durationMs: 123,
    idempotencyKey: null,
    attempt: 1,
    error: null,
    ...over,
  };
}

export const ok = <T,>(data: T) => ({ ok: true as const, data });
export const fail = (error: Partial<IpcError> & Pick<IpcError, 'code' | 'message'>) => ({
  ok: false as const,
  error: { hint: null, fields: [], ...error },
});

export const VAULT_OK: VaultHealth = {
  state: 'ok',
  message: null,
  hint: null,
  setAside: 0,
  files: [],
  migratedFrom: null,
};

export interface FakeKeychain {
  api: Mocked;
  credentials: CredentialView[];
  settings: Settings;
  requests: RequestLogEntry[];
  /** What app.info says the last keychain call found; checkConsistency reports unreachable unless 'ok'. */
  keychainState: KeychainState;
  vault: VaultHealth;
  /** Keychain accounts with no credential (the consistency check lists them). */
  orphans: string[];
  /** Credential ids whose keychain item is gone. */
  missing: string[];
  /** Calls every listener subscribed to `event`. */
  emit(event: 'credentials.changed' | 'clipboard.cleared' | 'keychain.changed', payload: unknown): void;
}

export interface FakeInit {
  credentials?: CredentialView[];
  requests?: RequestLogEntry[];
  keychainState?: KeychainState;
  vault?: Partial<VaultHealth>;
  orphans?: string[];
  missing?: string[];
}

/** A fake window.keychain backed by arrays; every function is a vi.fn the test can inspect or override. */
export function installFakeKeychain(init: FakeInit = {}): FakeKeychain {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const fake: FakeKeychain = {
    credentials: [...(init.credentials ?? [])],
    requests: [...(init.requests ?? [])],
    settings: { clipboardClearSeconds: 30, expiryWarningDays: 7 },
    keychainState: init.keychainState ?? 'ok',
    vault: { ...VAULT_OK, ...init.vault },
    orphans: [...(init.orphans ?? [])],
    missing: [...(init.missing ?? [])],
    emit: (event, payload) => {
      void act(() => listeners.get(event)?.forEach((l) => l(payload)));
    },
    api: undefined as unknown as Mocked,
  };
  const on = (event: string) => (cb: (p: never) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(cb as (p: unknown) => void);
    return () => set.delete(cb as (p: unknown) => void);
  };
  const replace = (c: CredentialView): CredentialView => {
    fake.credentials = fake.credentials.map((x) => (x.id === c.id ? c : x));
    return c;
  };
  const find = (id: string): CredentialView => {
    const c = fake.credentials.find((x) => x.id === id);
    if (!c) throw new Error(`no credential ${id}`);
    return c;
  };
  const impl: KeychainApi = {
    appInfo: async () =>
      ok({
        version: '0.1.0',
        platform: 'linux',
        keychain: { service: 'merchant-keychain', reachable: fake.keychainState === 'ok', state: fake.keychainState },
        vault: fake.vault,
      }),
    listCredentials: async () => ok({ items: [...fake.credentials] }),
    importFromClipboard: async () => {
      const c = credential({ status: 'pending', environment: null });
      fake.credentials.push(c);
      const pending: PendingImport = {
        credential: c,
        proposal: {
          provider: 'square',
          kind: 'access_token',
          environment: null,
          confidence: 'observed',
          reason: 'Starts with EAAA.',
        },
      };
      return ok({ pending, clipboardCleared: true });
    },
    importFromFile: async () => ok({ cancelled: true, fileName: null, pending: [], skipped: [], skippedMore: 0 }),
    confirmCredential: async (p) => ok(replace({ ...find(p.id), ...p, status: 'active' as const } as CredentialView)),
    updateCredential: async (p) => {
      const { id, ...rest } = p;
      return ok(replace({ ...find(id), ...(rest as Partial<CredentialView>) } as CredentialView));
    },
    deleteCredential: async (id) => {
      fake.credentials = fake.credentials.filter((c) => c.id !== id);
      return ok({ id });
    },
    copySecret: async (_id, format) => ok({ format, clearsInSeconds: fake.settings.clipboardClearSeconds }),
    checkConsistency: async () => {
      const reachable = fake.keychainState === 'ok';
      const ids = new Set(fake.credentials.map((c) => c.id));
      return ok({
        checkedAt: '2025-01-02T10:30:00.000Z',
        missingFromKeychain: reachable ? fake.missing.filter((id) => ids.has(id)) : [],
        orphansInKeychain: reachable ? [...fake.orphans] : [],
        keychainReachable: reachable,
      });
    },
    adoptOrphan: async (account) => {
      if (!fake.orphans.includes(account))
        return fail({ code: 'NOT_FOUND', message: 'There is no orphaned keychain item with that name.' });
      fake.orphans = fake.orphans.filter((a) => a !== account);
      const c = credential({
        id: account,
        status: 'pending',
        environment: null,
        source: 'keychain',
        label: 'Square access token',
      });
      fake.credentials.push(c);
      return ok({
        credential: c,
        proposal: {
          provider: 'square',
          kind: 'access_token',
          environment: null,
          confidence: 'observed',
          reason: 'Starts with EAAA.',
        },
      });
    },
    deleteOrphan: async (account) => {
      if (!fake.orphans.includes(account))
        return fail({ code: 'NOT_FOUND', message: 'There is no orphaned keychain item with that name.' });
      fake.orphans = fake.orphans.filter((a) => a !== account);
      return ok({ account });
    },
    inspectCredential: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    inspectClipboard: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    inspectMany: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    cancelInspection: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    refreshCredential: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    createCharge: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    retryCharge: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    refundCharge: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    listCharges: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    fetchCloverPakmsKey: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    connectClover: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    cancelCloverConnect: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    migrateCloverToken: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    keychainGraph: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    copyRequestAsCurl: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    exportReport: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    squareRevokePreview: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    squareRevoke: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    squareConnect: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    squareCancelConnect: async () => fail({ code: 'UNSUPPORTED', message: 'Not used by these tests.' }),
    listRequests: async () => ok({ items: [...fake.requests] }),
    checkNetwork: async () => ok({ reachable: true, status: 404, durationMs: 42 }),
    getSettings: async () => ok(fake.settings),
    updateSettings: async (p) => {
      fake.settings = { ...fake.settings, ...p };
      return ok(fake.settings);
    },
    openDocs: async () => ok({ opened: true }),
    onClipboardCleared: on('clipboard.cleared'),
    onCredentialsChanged: on('credentials.changed'),
    onKeychainChanged: on('keychain.changed'),
    onInspectionProgress: on('inspection.progress'),
    onInspectionFinished: on('inspection.finished'),
  };
  fake.api = Object.fromEntries(Object.entries(impl).map(([k, f]) => [k, vi.fn(f)])) as unknown as Mocked;
  (window as unknown as { keychain?: KeychainApi }).keychain = fake.api as unknown as KeychainApi;
  return fake;
}

export function removeFakeKeychain(): void {
  delete (window as unknown as { keychain?: KeychainApi }).keychain;
}

// ---- rendering -------------------------------------------------------------------------------

let root: Root | null = null;
let container: HTMLElement | null = null;

export async function render(component: ComponentType): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(createElement(component)));
  await flush();
  return container;
}

export async function unmount(): Promise<void> {
  if (root) await act(async () => root!.unmount());
  container?.remove();
  root = null;
  container = null;
  document.body.innerHTML = '';
}

/** Lets pending promises (fake IPC) and the React updates they cause settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
}

// ---- queries by accessible name -------------------------------------------------------------

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function labelledText(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return norm(aria);
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return norm(
      by
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
  const label = el.closest('label');
  if (label) {
    const text = label.querySelector('.field-label')?.textContent ?? label.childNodes[0]?.textContent;
    return norm(text);
  }
  const id = el.getAttribute('id');
  if (id) {
    const l = document.querySelector(`label[for="${id}"]`);
    if (l) return norm(l.textContent);
  }
  return norm(el.textContent);
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  menuitem: '[role="menuitem"]',
  textbox: 'input[type="text"], input:not([type]), textarea',
  spinbutton: 'input[type="number"]',
  combobox: 'select',
  alert: '[role="alert"]',
  alertdialog: '[role="alertdialog"]',
  region: 'section[aria-labelledby], [role="region"]',
  group: '[role="group"]',
  toolbar: '[role="toolbar"]',
  list: 'ul, ol',
  status: '[role="status"]',
  form: 'form',
  table: 'table',
  row: 'tr',
  heading: 'h1, h2, h3',
};

export function queryAllByRole(role: string, name?: string | RegExp, scope: ParentNode = document): HTMLElement[] {
  const sel = ROLE_SELECTORS[role];
  if (!sel) throw new Error(`unknown role ${role}`);
  return [...scope.querySelectorAll<HTMLElement>(sel)].filter((el) => {
    if (name === undefined) return true;
    const text = labelledText(el);
    return typeof name === 'string' ? text === name : name.test(text);
  });
}

export function getByRole(role: string, name?: string | RegExp, scope: ParentNode = document): HTMLElement {
  const all = queryAllByRole(role, name, scope);
  if (all.length !== 1) {
    throw new Error(
      `expected one ${role} named ${String(name)}, found ${all.length}: ${queryAllByRole(role, undefined, scope).map(labelledText).join(' | ')}`,
    );
  }
  return all[0]!;
}

export function text(el: ParentNode = document.body): string {
  return norm((el as HTMLElement).textContent);
}

// ---- user actions -----------------------------------------------------------------------------

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    el.click();
  });
  await flush();
}

/** Sets a form control's value the way a user would, so React's change tracking sees it. */
export async function fill(el: HTMLElement, value: string): Promise<void> {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  await act(async () => {
    setter?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

export async function press(el: HTMLElement, key: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await flush();
}

export async function submit(form: HTMLElement): Promise<void> {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}
