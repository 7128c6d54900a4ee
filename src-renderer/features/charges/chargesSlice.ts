// The charge lab's state: the ledger of attempts (main keeps it, written atomically) and the three
// actions. The idempotency key is made here (crypto.randomUUID(); it is not a secret) and checked
// by main against the vendor's rules; Retry sends the SAME key and request again.
import type { StateCreator } from 'zustand';
import type { ChargeAttemptView, RequestOf } from '@shared/contract';
import type { AppState } from '../../app/store';

export type ChargeInput = RequestOf<'charges.create'>;

export interface ChargesSlice {
  attempts: ChargeAttemptView[];
  attemptsStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The attempt the lab shows as "last result". */
  lastAttemptId: string | null;
  chargeBusy: 'send' | 'retry' | 'refund' | null;
  loadAttempts(): Promise<void>;
  sendCharge(input: ChargeInput): Promise<ChargeAttemptView | null>;
  retryCharge(attemptId: string): Promise<void>;
  refundCharge(attemptId: string): Promise<void>;
}

function upsert(list: ChargeAttemptView[], a: ChargeAttemptView): ChargeAttemptView[] {
  return [a, ...list.filter((x) => x.id !== a.id)].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
}

export const createChargesSlice: StateCreator<AppState, [], [], ChargesSlice> = (set, get) => {
  async function busy<T>(what: ChargesSlice['chargeBusy'], fn: () => Promise<T>): Promise<T> {
    set({ chargeBusy: what });
    try {
      return await fn();
    } finally {
      set({ chargeBusy: null });
    }
  }
  const keep = (a: ChargeAttemptView | null): void => {
    if (a) set((s) => ({ attempts: upsert(s.attempts, a), lastAttemptId: a.id }));
  };

  return {
    attempts: [],
    attemptsStatus: 'idle',
    lastAttemptId: null,
    chargeBusy: null,

    async loadAttempts() {
      set({ attemptsStatus: 'loading' });
      const r = await get().callMain((k) => k.listCharges({ limit: 1000 }));
      if (!r) return set({ attemptsStatus: 'error' });
      set({
        attempts: [...r.items].sort((x, y) => y.createdAt.localeCompare(x.createdAt)),
        attemptsStatus: 'ready',
      });
    },

    sendCharge(input) {
      return busy('send', async () => {
        const a = await get().callMain((k) => k.createCharge(input));
        keep(a);
        return a;
      });
    },
    retryCharge(attemptId) {
      return busy('retry', async () => keep(await get().callMain((k) => k.retryCharge(attemptId))));
    },
    refundCharge(attemptId) {
      return busy('refund', async () => keep(await get().callMain((k) => k.refundCharge({ attemptId }))));
    },
  };
};
