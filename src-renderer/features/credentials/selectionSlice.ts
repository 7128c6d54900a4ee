// Which credential the user has selected on the Credentials screen (a table row) or the diagram
// (a node): the details panel shows it. Kept apart so the table, the diagram and the panel share
// one selection without importing each other.
import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

export interface SelectionSlice {
  /** The selected credential's id, or null when none is selected. */
  selectedId: string | null;
  selectCredential(id: string | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  selectCredential: (id) => set({ selectedId: id }),
});
