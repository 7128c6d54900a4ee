// The only module that touches window.keychain (the preload's API, or the e2e test bridge).
// Everything else in the renderer calls `keychain()` and gets typed results back. Nothing that
// comes through here is secret: the contract's response schemas carry no secret fields.
import type { KeychainApi } from '@shared/bridge';
import type { IpcError } from '@shared/contract';

declare global {
  interface Window {
    keychain?: KeychainApi;
  }
}

export type { KeychainApi };

/** Same shape as the contract's IpcResult, for any data type. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export class BridgeMissingError extends Error {
  constructor() {
    super('window.keychain is not available');
  }
}

export function keychain(): KeychainApi {
  const api = typeof window === 'undefined' ? undefined : window.keychain;
  if (!api) throw new BridgeMissingError();
  return api;
}

export function hasKeychain(): boolean {
  return typeof window !== 'undefined' && window.keychain !== undefined;
}

/**
 * Calls the API and never throws: a transport failure (the bridge is missing, main did not answer)
 * becomes a typed error. Its message is ours, never the text of the exception, so nothing that
 * main put in an exception can reach the screen.
 */
export async function call<T>(fn: (api: KeychainApi) => Promise<Result<T>>): Promise<Result<T>> {
  let api: KeychainApi;
  try {
    api = keychain();
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The keychain bridge is not available in this window.',
        hint: 'Open Merchant Keychain from the desktop app; the web page alone cannot reach the keychain.',
        fields: [],
      },
    };
  }
  try {
    return await fn(api);
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The main process did not answer.',
        hint: 'Try again. If it keeps happening, restart Merchant Keychain and check the audit log.',
        fields: [],
      },
    };
  }
}
