// Our zod schemas for Square bodies (src-main/providers/square/schemas.ts) against Square's own
// OpenAPI (the vendored subset the local Square checks every exchange with): every field we read
// or send exists there with a compatible type, our limits are within Square's (never looser), our
// request bodies carry every field Square requires and nothing it does not define, and Square's
// published examples parse with our response schemas.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as S from '../../src-main/providers/square/schemas';
import { squareSpec, type JsonObject } from '../emulators/square/spec';

type Js = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  anyOf?: Js[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  minLength?: number;
  additionalProperties?: unknown;
};

const schemas = squareSpec().components.schemas;

function resolve(s: JsonObject): JsonObject {
  const ref = s.$ref as string | undefined;
  return ref ? resolve(schemas[ref.replace('#/components/schemas/', '')] as JsonObject) : s;
}

/** Problems found comparing our JSON Schema (from zod) with Square's OpenAPI schema at `where`. */
function compare(ours: Js, theirsRaw: JsonObject, where: string, request: boolean): string[] {
  const theirs = resolve(theirsRaw);
  if (ours.anyOf) return ours.anyOf.flatMap((branch) => compare(branch, theirsRaw, where, request));
  const types = (Array.isArray(ours.type) ? ours.type : [ours.type]).filter((t) => t !== 'null');
  const out: string[] = [];
  const theirType = (theirs.type as string | undefined) ?? (theirs.properties ? 'object' : undefined);
  for (const t of types) {
    const ok =
      t === theirType ||
      (t === 'integer' && theirType === 'number') ||
      (t === 'number' && theirType === 'integer' && false);
    if (!ok) out.push(`${where}: ours is ${t}, Square's is ${theirType}`);
  }
  if (types.includes('object')) {
    const props = (theirs.properties ?? {}) as Record<string, JsonObject>;
    for (const [k, v] of Object.entries(ours.properties ?? {})) {
      if (!(k in props)) out.push(`${where}.${k}: not defined by Square`);
      else out.push(...compare(v, props[k]!, `${where}.${k}`, request));
    }
    if (request) {
      for (const k of (theirs.required as string[] | undefined) ?? [])
        if (!(ours.required ?? []).includes(k)) out.push(`${where}.${k}: Square requires it`);
      if (ours.additionalProperties !== false) out.push(`${where}: a request body must be strict`);
    }
  }
  if (types.includes('array') && ours.items)
    out.push(...compare(ours.items, (theirs.items ?? {}) as JsonObject, `${where}[]`, request));
  if (types.includes('string')) {
    const max = theirs.maxLength as number | undefined;
    const min = theirs.minLength as number | undefined;
    const allowed = theirs.enum as unknown[] | undefined;
    const mine = ours.enum ?? (ours.const !== undefined ? [ours.const] : undefined);
    // A closed list of ours is as long as its longest value; otherwise our declared limits count.
    const longest = mine ? Math.max(...mine.map((v) => String(v).length)) : ours.maxLength;
    const shortest = mine ? Math.min(...mine.map((v) => String(v).length)) : (ours.minLength ?? 0);
    if (max !== undefined && (longest === undefined || longest > max))
      out.push(`${where}: maxLength ${longest} looser than Square's ${max}`);
    if (min !== undefined && shortest < min) out.push(`${where}: minLength ${shortest} looser than Square's ${min}`);
    if (allowed && mine)
      for (const v of mine) if (!allowed.includes(v)) out.push(`${where}: ${String(v)} is not one of Square's values`);
    // An open string where Square lists values is fine only in answers (new codes appear over time).
    if (allowed && !mine && request) out.push(`${where}: Square lists the values; a request must too`);
  }
  return out;
}

const PAIRS: [string, z.ZodType, string, boolean][] = [
  ['token status', S.TokenStatusResponse, 'RetrieveTokenStatusResponse', false],
  ['obtain token answer', S.ObtainTokenResponse, 'ObtainTokenResponse', false],
  ['obtain token request', S.ObtainTokenRequest, 'ObtainTokenRequest', true],
  ['revoke request', S.RevokeTokenRequest, 'RevokeTokenRequest', true],
  ['revoke answer', S.RevokeTokenResponse, 'RevokeTokenResponse', false],
  ['merchant', S.RetrieveMerchantResponse, 'RetrieveMerchantResponse', false],
  ['locations', S.ListLocationsResponse, 'ListLocationsResponse', false],
  ['payment request', S.CreatePaymentRequest, 'CreatePaymentRequest', true],
  ['payment answer', S.CreatePaymentResponse, 'CreatePaymentResponse', false],
  ['decline / error envelope', S.ErrorBody, 'CreatePaymentResponse', false],
  ['refund request', S.RefundPaymentRequest, 'RefundPaymentRequest', true],
  ['refund answer', S.RefundPaymentResponse, 'RefundPaymentResponse', false],
  ['error', S.SquareError, 'Error', false],
];

describe("our Square schemas agree with Square's OpenAPI", () => {
  it.each(PAIRS)('%s', (_name, ours, theirs) => {
    const request = PAIRS.find((p) => p[2] === theirs && p[1] === ours)![3];
    const json = z.toJSONSchema(ours, { unrepresentable: 'any' }) as Js;
    expect(compare(json, schemas[theirs] as JsonObject, theirs, request)).toEqual([]);
  });

  it('the comparison catches a field Square does not define, a looser limit and a missing required field', () => {
    const wrong = z.strictObject({ idempotency_key: z.string().max(100), tip_percent: z.number() });
    const problems = compare(
      z.toJSONSchema(wrong) as Js,
      schemas.CreatePaymentRequest as JsonObject,
      'CreatePaymentRequest',
      true,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'CreatePaymentRequest.tip_percent: not defined by Square',
        "CreatePaymentRequest.idempotency_key: maxLength 100 looser than Square's 45",
        'CreatePaymentRequest.source_id: Square requires it',
      ]),
    );
  });

  it.each([
    ['RetrieveTokenStatusResponse', S.TokenStatusResponse],
    ['ObtainTokenResponse', S.ObtainTokenResponse],
    ['RevokeTokenResponse', S.RevokeTokenResponse],
    ['RetrieveMerchantResponse', S.RetrieveMerchantResponse],
    ['ListLocationsResponse', S.ListLocationsResponse],
    ['CreatePaymentResponse', S.CreatePaymentResponse],
    ['RefundPaymentResponse', S.RefundPaymentResponse],
  ] as const)("Square's own %s example parses", (name, ours) => {
    const example = (schemas[name] as { example?: unknown }).example;
    expect(example).toBeDefined();
    expect(ours.safeParse(example).error?.issues ?? []).toEqual([]);
  });
});
