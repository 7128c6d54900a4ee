// Sandbox test charges (issues #8/#9): one ledger of attempts for both vendors. The renderer
// makes the idempotency key (it is not a secret); main checks it against the vendor's rules.
import { z } from 'zod';
import { ALL_CHARGE_SCENARIOS, CHARGE_STATUSES } from '../vocabulary';
import { Id, IsoTime, Provider, VendorId } from './common';

/** Every key we send is a v4 UUID: it meets Clover's rule and Square's 45-character limit. */
export const IdempotencyKey = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);

export const ChargeRequestView = z.strictObject({
  amount: z.number().int().min(1).max(99_999_999),
  /** ISO 4217, upper case here; each vendor's client writes it as the vendor wants. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  scenario: z.enum(ALL_CHARGE_SCENARIOS),
  locationId: VendorId.nullable(),
});

export const ChargeAttemptView = z.strictObject({
  id: Id,
  credentialId: Id,
  provider: Provider,
  idempotencyKey: IdempotencyKey,
  request: ChargeRequestView,
  status: z.enum(CHARGE_STATUSES),
  /** Plain words: what happened, e.g. why it was declined or that the vendor replayed it. */
  message: z.string().max(500),
  /** The vendor's charge or payment id, once known. */
  vendorId: z.string().max(100).nullable(),
  /** The last send got the vendor's stored answer back: no second charge was made. */
  replayed: z.boolean(),
  /** HTTP sends with this key so far (first try, automatic retries, the user's Retry). */
  sends: z.number().int().nonnegative(),
  refunds: z
    .array(z.strictObject({ id: z.string().max(100), amount: z.number().int(), status: z.string().max(40) }))
    .max(50),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ChargeAttemptView = z.infer<typeof ChargeAttemptView>;

export const chargeChannels = {
  /** Sandbox only: a production credential is refused before any network call. */
  'charges.create': {
    request: z.strictObject({
      credentialId: Id,
      amount: ChargeRequestView.shape.amount,
      currency: ChargeRequestView.shape.currency,
      scenario: ChargeRequestView.shape.scenario,
      locationId: VendorId.optional(),
      /** Created by the renderer (crypto.randomUUID()); main makes one when it is absent. */
      idempotencyKey: z.string().max(100).optional(),
    }),
    response: ChargeAttemptView,
  },
  /** Sends the same request again with the same key (and the same card token). */
  'charges.retry': { request: z.strictObject({ attemptId: Id }), response: ChargeAttemptView },
  'charges.refund': {
    request: z.strictObject({ attemptId: Id, amount: z.number().int().min(1).max(99_999_999).optional() }),
    response: ChargeAttemptView,
  },
  'charges.list': {
    request: z.strictObject({ credentialId: Id.optional(), limit: z.number().int().min(1).max(1000).optional() }),
    response: z.strictObject({ items: z.array(ChargeAttemptView).max(1000) }),
  },
} as const;
