// The charges domain: sandbox test charges for both vendors, one ledger. Exactly once (DESIGN
// invariant 4): an attempt keeps its idempotency key (and card token) for every send, the
// automatic retries after an unknown outcome and the user's Retry alike; a new charge gets a new
// key; a key is never reused for a different request. Sandbox only (invariant 3): a production
// credential is refused here, before any network call.
import { createHash, randomUUID } from 'node:crypto';
import type { ChargeAttemptView, ParsedRequestOf } from '@shared/contract';
import { CHARGE_SCENARIOS } from '@shared/vocabulary';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors/app-error';
import type { HandlerPart } from '../ipc/handlers';
import { adapterFor, type Adapters } from '../inspect/inspect-one';
import { providerContext } from '../inspect/provider-context';
import type { ChargeOutcome } from '../providers/adapter';
import { CHARGE_SOURCE_PREFIX } from '../vault/consistency';
import type { StoredCredential } from '../vault/stored-record';
import { checkedKey } from './idempotency-key';
import { ChargeLedger, toAttemptView, type LedgerEntry } from './ledger';

type Channels = 'charges.create' | 'charges.retry' | 'charges.refund' | 'charges.list';
type Deps = CoreDeps & {
  adapters: Adapters;
  /** Sends per call while the outcome stays unknown (first try included; default 3). */
  maxSends?: number;
  /** Pause before an automatic resend (default 500 ms, doubled each time). */
  resendDelayMs?: number;
};

const requestHash = (credentialId: string, request: LedgerEntry['request']): string =>
  createHash('sha256')
    .update(JSON.stringify([credentialId, request]))
    .digest('hex');

function assertSandbox(c: StoredCredential): void {
  if (c.environment !== 'sandbox') {
    throw new AppError(
      'PRODUCTION_REFUSED',
      c.environment === 'production'
        ? 'Test charges are sandbox only: this is a production credential, so nothing was sent.'
        : 'Choose the environment of this credential first: test charges are sandbox only.',
      'Pick a sandbox credential in the charge form.',
      ['credentialId'],
    );
  }
}

export async function createChargesDomain(d: Deps) {
  const ledger = new ChargeLedger(d.index.dataDir);
  const setAside = await ledger.load();
  if (setAside > 0) d.logger.warn('charges.ledger_damaged', { setAside });

  const credentialOf = (id: string): StoredCredential => {
    const c = d.index.get(id);
    if (!c) throw notFound('credential');
    return c;
  };

  /** Sends the attempt's request with its own key; resends while the outcome is unknown. */
  async function send(attemptId: string): Promise<ChargeAttemptView> {
    return d.locks.run(`charge:${attemptId}`, async () => {
      let entry = ledger.get(attemptId);
      if (!entry) throw notFound('charge attempt');
      const credential = credentialOf(entry.credentialId);
      assertSandbox(credential); // checked again: the credential may have been edited since
      const adapter = adapterFor(d.adapters, credential);
      let sourceToken = entry.sourceAccount ? await d.store.get(entry.sourceAccount) : null;
      if (sourceToken) d.redaction.register(sourceToken);
      let outcome: ChargeOutcome | null = null;
      const maxSends = d.maxSends ?? 3;
      for (let i = 0; i < maxSends && (outcome === null || outcome.status === 'unknown'); i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, (d.resendDelayMs ?? 500) * 2 ** (i - 1)));
        const e: LedgerEntry = entry;
        outcome = await adapter.charge(
          {
            attemptId,
            credential,
            idempotencyKey: e.idempotencyKey,
            amount: e.request.amount,
            currency: e.request.currency,
            scenario: e.request.scenario,
            locationId: e.request.locationId,
            sourceToken,
            previousSends: e.sends,
          },
          providerContext(d),
        );
        if (outcome.sourceToken && !e.sourceAccount) {
          // Kept in the keychain so a Retry, even after a restart, sends the same card token.
          sourceToken = outcome.sourceToken;
          d.redaction.register(sourceToken);
          await d.store.set(`${CHARGE_SOURCE_PREFIX}${attemptId}`, sourceToken, { newItem: true });
        }
        // The vendor answers a resent key with its stored result; the same charge id coming back
        // proves it (the adapter cannot tell a first answer from a replay, the ledger can).
        const replayed = outcome.replayed || (e.vendorId !== null && outcome.vendorId === e.vendorId);
        const message =
          replayed && !outcome.replayed
            ? `${outcome.message} Same charge as before: no second charge was made.`
            : outcome.message;
        entry = {
          ...e,
          sourceAccount: e.sourceAccount ?? (outcome.sourceToken ? `${CHARGE_SOURCE_PREFIX}${attemptId}` : null),
          status: outcome.status,
          message: message.slice(0, 500),
          vendorId: outcome.vendorId ?? e.vendorId,
          replayed,
          sends: e.sends + outcome.sends,
          updatedAt: d.clock().toISOString(),
        };
        await ledger.put(entry);
      }
      d.logger.info('charge.sent', {
        attemptId,
        status: entry.status,
        sends: entry.sends,
        replayed: entry.replayed,
        idempotencyKey: entry.idempotencyKey,
      });
      return toAttemptView(entry);
    });
  }

  async function create(req: ParsedRequestOf<'charges.create'>): Promise<ChargeAttemptView> {
    const credential = credentialOf(req.credentialId);
    assertSandbox(credential);
    const adapter = adapterFor(d.adapters, credential);
    if (!adapter.canCharge(credential)) {
      throw new AppError(
        'UNSUPPORTED',
        'This credential cannot send a test charge.',
        credential.provider === 'clover'
          ? 'Use a sandbox OAuth access token whose merchant has a PAKMS key.'
          : 'Use a sandbox access token with PAYMENTS_WRITE.',
        ['credentialId'],
      );
    }
    if (!(CHARGE_SCENARIOS[credential.provider] as readonly string[]).includes(req.scenario)) {
      throw new AppError('INVALID_REQUEST', `"${req.scenario}" is not a ${credential.provider} test scenario.`, null, [
        'scenario',
      ]);
    }
    const key = checkedKey(credential.provider, req.idempotencyKey);
    const request = {
      amount: req.amount,
      currency: req.currency,
      scenario: req.scenario,
      locationId: req.locationId ?? null,
    };
    const hash = requestHash(credential.id, request);
    const existing = ledger.byKey(key);
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new AppError(
          'CONFLICT',
          'That idempotency key was already used for a different charge, so nothing was sent.',
          'Use "New key" for a new charge; "Retry" re-sends the original one.',
          ['idempotencyKey'],
        );
      }
      return send(existing.id);
    }
    const t = d.clock().toISOString();
    const entry: LedgerEntry = {
      id: randomUUID(),
      credentialId: credential.id,
      provider: credential.provider,
      environment: 'sandbox',
      idempotencyKey: key,
      request,
      status: 'pending',
      message: 'Not sent yet.',
      vendorId: null,
      replayed: false,
      sends: 0,
      refunds: [],
      createdAt: t,
      updatedAt: t,
      sourceAccount: null,
      requestHash: hash,
    };
    const dropped = await ledger.put(entry); // on disk before anything is sent
    for (const old of dropped) if (old.sourceAccount) await d.store.delete(old.sourceAccount).catch(() => false);
    return send(entry.id);
  }

  async function refund(req: ParsedRequestOf<'charges.refund'>): Promise<ChargeAttemptView> {
    return d.locks.run(`charge:${req.attemptId}`, async () => {
      const entry = ledger.get(req.attemptId);
      if (!entry) throw notFound('charge attempt');
      if (!entry.vendorId || !['succeeded', 'partially_refunded'].includes(entry.status)) {
        throw new AppError('CONFLICT', 'Only a successful charge can be refunded.');
      }
      const refunded = entry.refunds.reduce((s, r) => s + r.amount, 0);
      const amount = req.amount ?? entry.request.amount - refunded;
      if (amount < 1 || refunded + amount > entry.request.amount) {
        throw new AppError('INVALID_REQUEST', 'A refund cannot be more than what is left of the charge.', null, [
          'amount',
        ]);
      }
      const credential = credentialOf(entry.credentialId);
      assertSandbox(credential);
      const r = await adapterFor(d.adapters, credential).refund(
        {
          credential,
          vendorId: entry.vendorId,
          amount,
          currency: entry.request.currency,
          idempotencyKey: randomUUID(),
        },
        providerContext(d),
      );
      const refunds = [...entry.refunds, r];
      const total = refunds.reduce((s, x) => s + x.amount, 0);
      const next: LedgerEntry = {
        ...entry,
        refunds,
        status: total >= entry.request.amount ? 'refunded' : 'partially_refunded',
        updatedAt: d.clock().toISOString(),
      };
      await ledger.put(next);
      d.logger.info('charge.refunded', { attemptId: entry.id, amount });
      return toAttemptView(next);
    });
  }

  const handlers: HandlerPart<Channels> = {
    'charges.create': (r) => create(r),
    'charges.retry': (r) => send(r.attemptId),
    'charges.refund': (r) => refund(r),
    'charges.list': (r) => ({
      items: ledger
        .list()
        .filter((e) => !r.credentialId || e.credentialId === r.credentialId)
        .slice(-(r.limit ?? 200))
        .reverse()
        .map(toAttemptView),
    }),
  };
  return { handlers, attempts: () => ledger.list() };
}
