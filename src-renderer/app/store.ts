// The renderer's one zustand store, built from one slice per feature. It holds views only:
// ids, labels, fingerprints, statuses, times (DESIGN invariant 1). There is no secret to hold —
// the contract's responses carry none — and no action ever asks for one. A new feature adds its
// slice here (features/<name>/<name>Slice.ts) and its screen in ./routes.tsx.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './appSlice';
import { createCredentialsSlice, type CredentialsSlice } from '../features/credentials/credentialsSlice';
import { createKeychainCheckSlice, type KeychainCheckSlice } from '../features/credentials/keychainCheckSlice';
import { createRequestsSlice, type RequestsSlice } from '../features/requests/requestsSlice';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settingsSlice';
import { createSelectionSlice, type SelectionSlice } from '../features/credentials/selectionSlice';
import { createDetailsSlice, type DetailsSlice } from '../features/credentials/details/detailsSlice';
import { createChargesSlice, type ChargesSlice } from '../features/charges/chargesSlice';
import { createTableSlice, type TableSlice } from '../features/credentials/table/tableSlice';
import { createDiagramSlice, type DiagramSlice } from '../features/diagram/diagramSlice';

export type AppState = AppSlice &
  CredentialsSlice &
  KeychainCheckSlice &
  RequestsSlice &
  SettingsSlice &
  SelectionSlice &
  DetailsSlice &
  ChargesSlice &
  TableSlice &
  DiagramSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCredentialsSlice(...a),
  ...createKeychainCheckSlice(...a),
  ...createRequestsSlice(...a),
  ...createSettingsSlice(...a),
  ...createSelectionSlice(...a),
  ...createDetailsSlice(...a),
  ...createChargesSlice(...a),
  ...createTableSlice(...a),
  ...createDiagramSlice(...a),
}));

/** Back to the first state (unit tests; a fresh window does this by loading). */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}

declare global {
  interface Window {
    /** Set by the end-to-end test bridge before the page loads; never set in the app. */
    __MK_TEST__?: boolean;
    /** Read-only JSON snapshot of the store, registered only when __MK_TEST__ is set. */
    __mkStoreSnapshot?: () => unknown;
  }
}

if (typeof window !== 'undefined' && window.__MK_TEST__ === true && !('__mkStoreSnapshot' in window)) {
  Object.defineProperty(window, '__mkStoreSnapshot', {
    value: () => JSON.parse(JSON.stringify(useStore.getState())) as unknown,
    writable: false,
    configurable: false,
    enumerable: false,
  });
}
