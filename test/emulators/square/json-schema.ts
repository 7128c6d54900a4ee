// Turns the OpenAPI 3.0 schema objects of the vendored spec into JSON Schema that ajv compiles.
// Only three things differ from draft-07 in this spec (checked over the whole subset: no allOf/oneOf/
// anyOf/discriminator, the only format is int64):
// - `$ref` siblings: OpenAPI 3.0 says they are ignored, so `{ $ref, nullable: true }` is just `$ref`
//   (the stricter reading: null is refused where only a sibling `nullable` would allow it);
// - annotations ajv's strict mode does not know (`example`, `x-*`, `description`) are dropped;
// - strict mode: `additionalProperties: false` on every object schema with `properties`, because no
//   vendor schema forbids unknown fields (vendor/README.md) and neither side may invent fields.
import type { JsonObject } from './spec';

const ANNOTATIONS = new Set(['example', 'description', 'title', 'externalDocs', 'deprecated']);

export function toJsonSchema(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, strict));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as JsonObject;
  if (typeof obj.$ref === 'string') return { $ref: rewriteRef(obj.$ref) };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      // Property names are data, not keywords: keep every one (a field may be called "description").
      out.properties = Object.fromEntries(
        Object.entries(value as JsonObject).map(([name, child]) => [name, toJsonSchema(child, strict)]),
      );
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      out[key] = value;
    } else {
      out[key] = toJsonSchema(value, strict);
    }
  }
  if (strict && out.type === 'object' && out.properties && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  return out;
}

/** `#/components/schemas/X` -> `square#/definitions/X` (all schemas live under one ajv schema id). */
export function rewriteRef(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return `${SCHEMA_ID}#/definitions/${ref.slice(prefix.length)}`;
}

export const SCHEMA_ID = 'square';

export function definitionsSchema(schemas: Record<string, JsonObject>, strict: boolean): JsonObject {
  const definitions = Object.fromEntries(Object.entries(schemas).map(([n, s]) => [n, toJsonSchema(s, strict)]));
  return { $id: SCHEMA_ID, definitions };
}
