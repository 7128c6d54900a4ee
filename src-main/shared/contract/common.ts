// Schema pieces every domain's contract uses: ids, times, labels, vendor ids, fingerprints, and
// `byProvider`, which pairs each provider with its own kinds so a Square kind on a Clover
// credential fails validation (and does not compile).
import { z } from 'zod';
import { ALL_KINDS, ENVIRONMENTS, KINDS, LABEL_MAX_LENGTH, PROVIDERS } from '../vocabulary';

export const Provider = z.enum(PROVIDERS);
export const Environment = z.enum(ENVIRONMENTS);
export const CloverKind = z.enum(KINDS.clover);
export const SquareKind = z.enum(KINDS.square);
/** Any kind of any provider (filters, lists); records and requests use `byProvider` instead. */
export const Kind = z.enum(ALL_KINDS);

export const Id = z.uuid();
export const IsoTime = z.iso.datetime({ offset: true });
/** Characters that let one label pose as another: controls (NUL included), bidirectional
 *  overrides and isolates, zero-width characters, and lone surrogates. */
const DECEPTIVE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** At least one character that shows (not only spaces, marks or invisible characters). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const Label = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(LABEL_MAX_LENGTH)
  .refine((s) => !DECEPTIVE.test(s), 'Labels cannot contain control, invisible or text-direction characters.')
  .refine((s) => VISIBLE.test(s), 'A label needs at least one visible character.');
/** Clover merchant/app IDs are 13 characters; Square's run up to 191 (square-api.md §3). */
export const VendorId = z.string().regex(/^[A-Za-z0-9_-]{1,191}$/);
export const Fingerprint = z.string().regex(/^[^\s]{0,8}…[^\s]{0,4} · [0-9a-f]{4}$/);

type Shape = Record<string, z.ZodType>;

/** A strict object per provider, discriminated by `provider`, each with that provider's kinds. */
export function byProvider<S extends Shape>(shape: S) {
  return z.discriminatedUnion('provider', [
    z.strictObject({ provider: z.literal('clover'), kind: CloverKind, ...shape }),
    z.strictObject({ provider: z.literal('square'), kind: SquareKind, ...shape }),
  ]);
}

export const Empty = z.strictObject({});
export const ById = z.strictObject({ id: Id });
