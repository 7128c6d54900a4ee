// The renderer's API (window.keychain): one named function per channel, no generic invoke.
// The same code runs with two transports: ipcRenderer.invoke in the preload, and Playwright's
// exposeFunction into the real core in end-to-end tests (test/e2e/bridge-entry.ts). No runtime
// import at all: a sandboxed preload may only require 'electron' (test/unit/preload-surface.test.ts).
import type { Channel, IpcResult, RequestOf, EventName, EventOf } from './contract';
import type { CopyFormat } from './vocabulary';

export type Transport = <C extends Channel>(channel: C, payload: RequestOf<C>) => Promise<IpcResult<C>>;
export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) => () => void;

export function createKeychainApi(invoke: Transport, subscribe: Subscribe) {
  return {
    appInfo: () => invoke('app.info', {}),
    listCredentials: () => invoke('credentials.list', {}),
    importFromClipboard: () => invoke('credentials.importFromClipboard', {}),
    importFromFile: () => invoke('credentials.importFromFile', {}),
    confirmCredential: (p: RequestOf<'credentials.confirm'>) => invoke('credentials.confirm', p),
    updateCredential: (p: RequestOf<'credentials.update'>) => invoke('credentials.update', p),
    deleteCredential: (id: string) => invoke('credentials.delete', { id }),
    copySecret: (id: string, format: CopyFormat) => invoke('credentials.copySecret', { id, format }),
    checkConsistency: () => invoke('credentials.checkConsistency', {}),
    adoptOrphan: (account: string) => invoke('credentials.adoptOrphan', { account }),
    deleteOrphan: (account: string) => invoke('credentials.deleteOrphan', { account }),
    inspectCredential: (id: string) => invoke('credentials.inspect', { id }),
    inspectClipboard: () => invoke('credentials.inspectClipboard', {}),
    inspectMany: (ids: string[]) => invoke('credentials.inspectMany', { ids }),
    cancelInspection: (jobId: string) => invoke('credentials.cancelInspection', { jobId }),
    refreshCredential: (id: string) => invoke('credentials.refresh', { id }),
    createCharge: (p: RequestOf<'charges.create'>) => invoke('charges.create', p),
    retryCharge: (attemptId: string) => invoke('charges.retry', { attemptId }),
    refundCharge: (p: RequestOf<'charges.refund'>) => invoke('charges.refund', p),
    listCharges: (p: RequestOf<'charges.list'> = {}) => invoke('charges.list', p),
    fetchCloverPakmsKey: (id: string) => invoke('clover.fetchPakmsKey', { id }),
    connectClover: (p: RequestOf<'clover.connect'>) => invoke('clover.connect', p),
    cancelCloverConnect: () => invoke('clover.cancelConnect', {}),
    migrateCloverToken: (id: string) => invoke('clover.migrateToken', { id }),
    keychainGraph: (p: RequestOf<'keychain.graph'> = {}) => invoke('keychain.graph', p),
    exportReport: (p: RequestOf<'reports.export'>) => invoke('reports.export', p),
    squareRevokePreview: (id: string) => invoke('square.revokePreview', { id }),
    squareRevoke: (p: RequestOf<'square.revoke'>) => invoke('square.revoke', p),
    squareConnect: (p: RequestOf<'square.connect'>) => invoke('square.connect', p),
    squareCancelConnect: () => invoke('square.cancelConnect', {}),
    listRequests: (limit?: number) => invoke('requests.list', limit === undefined ? {} : { limit }),
    copyRequestAsCurl: (id: string) => invoke('requests.copyCurl', { id }),
    checkNetwork: (p: RequestOf<'network.check'>) => invoke('network.check', p),
    getSettings: () => invoke('settings.get', {}),
    updateSettings: (p: RequestOf<'settings.update'>) => invoke('settings.update', p),
    openDocs: (url: string) => invoke('links.openDocs', { url }),
    onClipboardCleared: (cb: (p: EventOf<'clipboard.cleared'>) => void) => subscribe('clipboard.cleared', cb),
    onCredentialsChanged: (cb: (p: EventOf<'credentials.changed'>) => void) => subscribe('credentials.changed', cb),
    onKeychainChanged: (cb: (p: EventOf<'keychain.changed'>) => void) => subscribe('keychain.changed', cb),
    onInspectionProgress: (cb: (p: EventOf<'inspection.progress'>) => void) => subscribe('inspection.progress', cb),
    onInspectionFinished: (cb: (p: EventOf<'inspection.finished'>) => void) => subscribe('inspection.finished', cb),
  };
}

export type KeychainApi = ReturnType<typeof createKeychainApi>;
