// The credentials table's view state: the filter (remembered across restarts in localStorage: it
// holds no secret, only words the user typed and chip choices), the sort, grouping, and a bulk
// check ("Check all" / "Check visible") running in main within the vendors' rate limits.
import type { StateCreator } from 'zustand';
import type { AppState } from '../../../app/store';
import { keychain, hasKeychain } from '../../../lib/keychain';
import { DEFAULT_SORT, EMPTY_FILTER, SORT_KEYS, type TableFilter, type TableSort } from './filter';

const STORAGE_KEY = 'mk.table.v1';

export interface BulkCheck {
  jobId: string;
  done: number;
  total: number;
  state: 'running' | 'cancelling' | 'finished' | 'cancelled';
}

export interface TableSlice {
  tableFilter: TableFilter;
  tableSort: TableSort;
  groupByMerchant: boolean;
  bulkCheck: BulkCheck | null;
  setTableFilter(patch: Partial<TableFilter>): void;
  clearTableFilter(): void;
  setTableSort(sort: TableSort): void;
  setGroupByMerchant(on: boolean): void;
  checkMany(ids: string[]): Promise<void>;
  cancelCheck(): Promise<void>;
  dismissCheck(): void;
}

interface Remembered {
  filter: TableFilter;
  sort: TableSort;
  group: boolean;
}

function recall(): Remembered {
  const fallback = { filter: EMPTY_FILTER, sort: DEFAULT_SORT, group: false };
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const r = JSON.parse(raw) as Partial<Remembered>;
    const f = r.filter;
    const ok = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    return {
      filter:
        f && typeof f.text === 'string' && ok(f.providers) && ok(f.environments) && ok(f.health)
          ? { ...f, text: f.text.slice(0, 200) }
          : EMPTY_FILTER,
      sort:
        r.sort && SORT_KEYS.includes(r.sort.key) && (r.sort.dir === 'asc' || r.sort.dir === 'desc')
          ? r.sort
          : DEFAULT_SORT,
      group: r.group === true,
    };
  } catch {
    return fallback; // a damaged entry: start clean
  }
}

function remember(s: Pick<TableSlice, 'tableFilter' | 'tableSort' | 'groupByMerchant'>): void {
  try {
    globalThis.localStorage?.setItem(
      STORAGE_KEY,
      JSON.stringify({ filter: s.tableFilter, sort: s.tableSort, group: s.groupByMerchant }),
    );
  } catch {
    // storage full or off: the table still works, it just will not remember
  }
}

export const createTableSlice: StateCreator<AppState, [], [], TableSlice> = (set, get) => {
  const r = recall();
  const save = (): void => remember(get());
  let offs: (() => void)[] = [];
  const unsubscribe = (): void => {
    offs.forEach((off) => off());
    offs = [];
  };

  return {
    tableFilter: r.filter,
    tableSort: r.sort,
    groupByMerchant: r.group,
    bulkCheck: null,

    setTableFilter(patch) {
      set((s) => ({ tableFilter: { ...s.tableFilter, ...patch } }));
      save();
    },
    clearTableFilter() {
      set({ tableFilter: EMPTY_FILTER });
      save();
    },
    setTableSort(sort) {
      set({ tableSort: sort });
      save();
    },
    setGroupByMerchant(on) {
      set({ groupByMerchant: on });
      save();
    },

    async checkMany(ids) {
      if (ids.length === 0 || get().bulkCheck?.state === 'running') return;
      unsubscribe();
      // Subscribe before starting: the first progress event may arrive before the answer.
      let jobId: string | null = null;
      const early: { jobId: string; done: number; total: number }[] = [];
      const earlyEnd: { jobId: string; done: number; total: number; cancelled: boolean }[] = [];
      const finish = (p: { jobId: string; done: number; total: number; cancelled: boolean }): void => {
        set({
          bulkCheck: { jobId: p.jobId, done: p.done, total: p.total, state: p.cancelled ? 'cancelled' : 'finished' },
        });
        unsubscribe();
        void get().loadCredentials({ quiet: true });
      };
      if (hasKeychain()) {
        const api = keychain();
        offs = [
          api.onInspectionProgress((p) => {
            if (jobId === null) return void early.push(p);
            if (p.jobId !== jobId) return;
            set((s) => (s.bulkCheck ? { bulkCheck: { ...s.bulkCheck, done: p.done, total: p.total } } : {}));
            void get().loadCredentials({ quiet: true }); // the rows show their new verdicts as they arrive
          }),
          api.onInspectionFinished((p) => {
            if (jobId === null) return void earlyEnd.push(p);
            if (p.jobId === jobId) finish(p);
          }),
        ];
      }
      const started = await get().callMain((k) => k.inspectMany(ids));
      if (!started) return unsubscribe();
      jobId = started.jobId;
      // Events that came before the answer: a small job may even be over already.
      const ended = earlyEnd.find((p) => p.jobId === started.jobId);
      if (ended) return finish(ended);
      const seen = early.filter((p) => p.jobId === started.jobId).at(-1);
      set({ bulkCheck: { jobId: started.jobId, done: seen?.done ?? 0, total: started.total, state: 'running' } });
    },

    async cancelCheck() {
      const job = get().bulkCheck;
      if (!job || job.state !== 'running') return;
      set({ bulkCheck: { ...job, state: 'cancelling' } });
      await get().callMain((k) => k.cancelInspection(job.jobId));
    },
    dismissCheck() {
      set({ bulkCheck: null });
    },
  };
};
