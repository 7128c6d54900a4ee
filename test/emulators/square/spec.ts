// Loads the vendored copy of Square's published OpenAPI subset (vendor/README.md) once per process.
// Read from disk rather than imported: a 270 KB JSON import would make tsc infer a huge literal type.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type JsonObject = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

export interface OpenApiOperation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonObject>;
    securitySchemes: { oauth2: { flows: { authorizationCode: { scopes: Record<string, string> } } } };
  };
}

export const SPEC_PATH = path.join(__dirname, 'vendor', 'openapi-subset.json');

let cached: OpenApiDoc | undefined;

export function squareSpec(): OpenApiDoc {
  cached ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
  return cached;
}

/** Every OAuth scope Square defines (SPEC components.securitySchemes.oauth2). A personal access token has all. */
export function allScopes(): string[] {
  return Object.keys(squareSpec().components.securitySchemes.oauth2.flows.authorizationCode.scopes);
}

/** Default scopes of the authorize page when `scope` is absent (ref §4). */
export const DEFAULT_AUTHORIZE_SCOPES = [
  'MERCHANT_PROFILE_READ',
  'PAYMENTS_READ',
  'SETTLEMENTS_READ',
  'BANK_ACCOUNTS_READ',
];
