// Settings as main keeps them; the renderer only edits a draft and sends it.
import type { StateCreator } from 'zustand';
import type { RequestOf, Settings } from '@shared/contract';
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
    const settings = await get().callMain((k) => k.getSettings());
    set(settings ? { settings, settingsStatus: 'ready' } : { settingsStatus: 'error' });
  },
  async saveSettings(patch) {
    set({ settingsStatus: 'saving' });
    const settings = await get().callMain((k) => k.updateSettings(patch));
    set(settings ? { settings, settingsStatus: 'ready' } : { settingsStatus: 'ready' });
    return settings !== null;
  },
});
