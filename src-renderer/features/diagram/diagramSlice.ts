// The diagram's data: main's keychain.graph answer (from metadata and the ledger, never the
// keychain), the filters, and the selected node.
import type { StateCreator } from 'zustand';
import type { ResponseOf } from '@shared/contract';
import type { AppState } from '../../app/store';

export type KeychainGraph = ResponseOf<'keychain.graph'>;
export interface DiagramFilter {
  provider: string;
  environment: string;
  merchantId: string;
}

export interface DiagramSlice {
  graph: KeychainGraph | null;
  graphStatus: 'idle' | 'loading' | 'ready' | 'error';
  diagramFilter: DiagramFilter;
  selectedNodeId: string | null;
  loadGraph(): Promise<void>;
  setDiagramFilter(patch: Partial<DiagramFilter>): void;
  selectNode(id: string | null): void;
}

export const createDiagramSlice: StateCreator<AppState, [], [], DiagramSlice> = (set, get) => ({
  graph: null,
  graphStatus: 'idle',
  diagramFilter: { provider: '', environment: '', merchantId: '' },
  selectedNodeId: null,
  async loadGraph() {
    set({ graphStatus: 'loading' });
    const g = await get().callMain((k) => k.keychainGraph({}));
    set(g ? { graph: g, graphStatus: 'ready' } : { graphStatus: 'error' });
  },
  setDiagramFilter(patch) {
    set((s) => ({ diagramFilter: { ...s.diagramFilter, ...patch } }));
  },
  selectNode(id) {
    set({ selectedNodeId: id });
    const node = get().graph?.nodes.find((n) => n.id === id);
    if (node?.credentialId) get().selectCredential(node.credentialId);
  },
});
