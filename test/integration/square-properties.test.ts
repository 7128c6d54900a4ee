// Property-based tests (fast-check) of the two Square state machines under random fault
// sequences, against the local Square and the private keychain:
// - payments: whatever faults hit the sends and however the user retries, one key makes at most
//   one payment, and once the faults stop, exactly one, which the ledger names;
// - PKCE refresh: whatever faults hit the token endpoint and the keychain, and however many
//   callers ask at once, at most one refresh call per round and no refresh token is ever lost
//   (the one we keep is always the one Square will accept next).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../emulators/square';
import { createFaultyStore, type FaultyStore } from '../helpers/faulty-store';
import { FAST_TIMING, keychainValue, seedPair, startSquare, type SquareFixture } from '../helpers/square';

let fx: SquareFixture;
let store: FaultyStore;
let tokenId = '';

beforeAll(async () => {
  // A short HTTP deadline, so a "late answer" fault costs little.
  fx = await startSquare({
    core: (service) => ({
      secretStore: (store = createFaultyStore(service)),
      timing: { ...FAST_TIMING, httpTimeoutMs: 300 },
    }),
  });
  fx.f.clipboard.writeText(fx.sandbox.personalToken);
  const { pending } = await fx.f.call('credentials.importFromClipboard', {});
  await fx.f.call('credentials.confirm', {
    id: pending.credential.id,
    provider: 'square',
    kind: 'access_token',
    environment: 'sandbox',
    label: 'pay',
  });
  tokenId = pending.credential.id;
});
afterAll(async () => {
  expect(fx.sq.contractViolations()).toEqual([]);
  await fx.close();
});

const paymentFault: fc.Arbitrary<Fault> = fc.oneof(
  fc.constant<Fault>({ type: 'drop-before' }),
  fc.constant<Fault>({ type: 'drop-after' }),
  fc.constant<Fault>({ type: 'error-500' }),
  fc.constant<Fault>({ type: 'html-502' }),
  fc.constant<Fault>({ type: 'truncated-json' }),
  fc.constant<Fault>({ type: 'rate-limited' }),
  fc.constant<Fault>({ type: 'bad-json', body: { payment: { status: 1 } }, processed: true }),
  fc.constant<Fault>({ type: 'delay', ms: 600 }),
);

describe('payments under random faults', () => {
  it('never more than one payment per key; exactly one once the faults stop', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(paymentFault, { maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('ok', 'declined', 'cvv'),
        async (faults, parallel, scenario) => {
          fx.sq.faults.clear();
          for (const f of faults) fx.sq.faults.once({ method: 'POST', path: '/v2/payments' }, f);
          const key = randomUUID();
          let a = await fx.f.call('charges.create', {
            credentialId: tokenId,
            amount: 700,
            currency: 'USD',
            scenario,
            idempotencyKey: key,
          });
          expect(fx.sq.payments({ idempotencyKey: key }).length).toBeLessThanOrEqual(1);
          for (let round = 0; round < 3 && a.status === 'unknown'; round++) {
            const answers = await Promise.all(
              Array.from({ length: parallel }, () => fx.f.call('charges.retry', { attemptId: a.id })),
            );
            a = answers[answers.length - 1]!;
            expect(fx.sq.payments({ idempotencyKey: key }).length).toBeLessThanOrEqual(1);
          }
          fx.sq.faults.clear();
          if (a.status === 'unknown') a = await fx.f.call('charges.retry', { attemptId: a.id });
          await new Promise((r) => setTimeout(r, 650)); // late answers land before the next run's faults
          const made = fx.sq.payments({ idempotencyKey: key });
          expect(made).toHaveLength(1);
          expect(a.vendorId).toBe(made[0]!.id);
          expect(a.status).toBe(scenario === 'ok' ? 'succeeded' : 'declined');
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);
});

type KeychainFault = 'none' | 'first-write' | 'second-write' | 'every-write';
const round = fc.record({
  callers: fc.integer({ min: 1, max: 4 }),
  tokenFault: fc.constantFrom<'none' | Fault['type']>(
    'none',
    'none',
    'drop-before',
    'error-500',
    'html-502',
    'rate-limited',
  ),
  keychain: fc.constantFrom<KeychainFault>('none', 'none', 'first-write', 'second-write', 'every-write'),
});

describe('PKCE refresh under random faults', () => {
  it('one refresh call per round at most, and no refresh token is ever lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 4 }), async (rounds) => {
        store.heal();
        fx.sq.faults.clear();
        const { accessId, refreshId } = await seedPair(fx, { flow: 'pkce' });
        for (const r of rounds) {
          if (r.tokenFault !== 'none') fx.sq.faults.once({ path: '/oauth2/token' }, { type: r.tokenFault } as Fault);
          if (r.keychain === 'first-write') store.failNthSet(1, 'locked');
          if (r.keychain === 'second-write') store.failNthSet(2, 'unavailable');
          if (r.keychain === 'every-write') store.breakAll('locked', ['set']);
          const before = fx.sq.refreshCalls().length;
          const answers = await Promise.all(
            Array.from({ length: r.callers }, (_, i) =>
              fx.f.raw('credentials.refresh', { id: i % 2 ? refreshId : accessId }),
            ),
          );
          expect(fx.sq.refreshCalls().length - before).toBeLessThanOrEqual(1);
          store.heal();
          fx.sq.faults.clear();
          // Either the keychain holds a refresh token Square still accepts, or the answer said
          // "not saved" and the new pair waits in memory (the next refresh saves it first).
          const kept = fx.sq.tokenState((await keychainValue(fx.f, refreshId))!);
          const unsaved = answers.some((a) => a.ok && !(a.data as { saved: boolean }).saved);
          expect(kept === 'active' || unsaved).toBe(true);
        }
        const last = await fx.f.call('credentials.refresh', { id: accessId });
        expect(last.saved).toBe(true);
        expect(fx.sq.tokenState((await keychainValue(fx.f, refreshId))!)).toBe('active');
        expect(fx.sq.tokenState((await keychainValue(fx.f, accessId))!)).toBe('active');
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
