// Settings as main keeps them; the renderer only edits a draft and sends it.
import type { StateCreator } from 'zustand';
import type { RequestOf, Settings } from '@shared/contract';
import { call } from '../../lib/keychain';
import type { AppState } from '../../app/store';

export interface SettingsSlice {
  settings: Settings | null;
  settingsStatus: 'idle' | 'loading' | 'ready' | 'saving' | 'error';
  loadSettings(): Promise<void>;
  saveSettings(patch: RequestOf<'settings.update'>): Promise<boolean>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  settingsStatus: 'idle',
  async loadSettings() {
    if (get().settings === null) set({ settingsStatus: 'loading' });
    const r = await call((k) => k.getSettings());
    if (r.ok) set({ settings: r.data, settingsStatus: 'ready' });
    else {
      set({ settingsStatus: 'error' });
      get().showError(r.error);
    }
  },
  async saveSettings(patch) {
    set({ settingsStatus: 'saving' });
    const r = await call((k) => k.updateSettings(patch));
    if (r.ok) {
      set({ settings: r.data, settingsStatus: 'ready' });
      return true;
    }
    set({ settingsStatus: 'ready' });
    get().showError(r.error);
    return false;
  },
});
