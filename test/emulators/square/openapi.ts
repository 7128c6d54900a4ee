// Contract checks against Square's own schemas (vendor/openapi-subset.json), with ajv + ajv-formats.
// `validateRequest` and `validateResponse` return a list of violations (empty = matches Square's API).
// The stand-in runs both on every exchange; integration tests may call them directly too.
//
// Choices (see README.md "Contract checking"):
// - Strict by default: unknown fields are violations in request bodies, query strings and response
//   bodies, since no vendor schema forbids them and neither our client nor the stand-in may invent fields.
// - An operation that declares no request body (POST /oauth2/token/status, POST .../cancel) must get
//   none: any body byte is a violation (ref §3: "the spec declares no request body: send none").
// - Error responses (status >= 400) must carry a non-empty `errors` array of SPEC `Error` and also match
//   the operation's response type (Square's response types carry `errors`, ref §7), so declines
//   ({errors, payment}) and auth failures are checked like successes.
// - `GET /v2/merchants/me` matches `/v2/merchants/{merchant_id}` (literal paths are tried first).
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { definitionsSchema, toJsonSchema } from './json-schema';
import { squareSpec, type JsonObject, type OpenApiOperation } from './spec';

export type ViolationWhere = 'operation' | 'security' | 'header' | 'path' | 'query' | 'body' | 'status';

export interface ContractViolation {
  where: ViolationWhere;
  /** Dotted field path (`amount_money.amount`, `scopes[0]`), the parameter or header name, or ''. */
  field: string;
  /** ajv keyword (`required`, `maxLength`, `additionalProperties`, ...) or one of this module's own. */
  keyword: string;
  /** Never contains a request or response value (they may be secrets). */
  message: string;
}

export interface RequestToCheck {
  method: string;
  /** Path without the query string, e.g. `/v2/merchants/me`. */
  path: string;
  query?: URLSearchParams | Record<string, string>;
  headers?: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; `undefined` = no body. Ignored when `rawBody` is given. */
  body?: unknown;
  /** Raw body text as sent; '' = no body. Lets the check flag a body that is not JSON. */
  rawBody?: string;
}

export interface ResponseToCheck {
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** When given, must be application/json. */
  contentType?: string;
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  method: string;
  pathParams: Record<string, string>;
  operation: OpenApiOperation;
}

export interface ContractValidator {
  matchOperation(method: string, path: string): MatchedOperation | undefined;
  validateRequest(req: RequestToCheck): ContractViolation[];
  validateResponse(res: ResponseToCheck): ContractViolation[];
}

export interface ContractOptions {
  /** Flag properties the schemas do not define (default true). */
  strict?: boolean;
}

const SQUARE_VERSION = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  literal: boolean;
}

function compileRoutes(templates: string[]): Route[] {
  const routes = templates.map((template) => {
    const names: string[] = [];
    const source = template
      .split('/')
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
        names.push(param[1] ?? '');
        return '([^/]+)';
      })
      .join('/');
    return { template, regex: new RegExp(`^${source}$`), names, literal: names.length === 0 };
  });
  // Literal paths first so that e.g. a future /v2/payments/search never reads as {payment_id}.
  return routes.sort((a, b) => Number(b.literal) - Number(a.literal));
}

function makeAjv(strict: boolean, coerce: boolean): Ajv {
  // No meta-schema pass over 270 KB of schemas in every test process: ajv's strict compile still throws on
  // unknown keywords or types, and a contract test compiles every operation once.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, coerceTypes: coerce, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(definitionsSchema(squareSpec().components.schemas, strict));
  return ajv;
}

function fieldOf(err: ErrorObject): string {
  const parts = err.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = (err.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
  const last = extra.missingProperty ?? extra.additionalProperty;
  if (last !== undefined) parts.push(last);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function toViolations(where: ViolationWhere, errors: ErrorObject[] | null | undefined): ContractViolation[] {
  return (errors ?? []).map((err) => {
    const field = fieldOf(err);
    const message =
      err.keyword === 'additionalProperties'
        ? "is not defined by Square's schema"
        : err.keyword === 'required'
          ? 'is required'
          : (err.message ?? 'is invalid');
    return { where, field, keyword: err.keyword, message: `${field || '(body)'} ${message}` };
  });
}

/** The error envelope and the operation's schema both check `errors`: report each problem once. */
function unique(violations: ContractViolation[]): ContractViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.where}|${v.field}|${v.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function header(headers: RequestToCheck['headers'], name: string): string | undefined {
  const v = headers?.[name] ?? headers?.[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function isJsonContentType(value: string | undefined): boolean {
  return !!value && /^application\/json\s*(;|$)/i.test(value.trim());
}

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function createContractValidator(options: ContractOptions = {}): ContractValidator {
  const strict = options.strict ?? true;
  const spec = squareSpec();
  const ajv = makeAjv(strict, false);
  const coercing = makeAjv(strict, true);
  const routes = compileRoutes(Object.keys(spec.paths));
  const cache = new Map<string, ValidateFunction>();

  const compiled = (key: string, make: () => ValidateFunction): ValidateFunction => {
    let fn = cache.get(key);
    if (!fn) {
      fn = make();
      cache.set(key, fn);
    }
    return fn;
  };
  const schemaValidator = (key: string, schema: JsonObject | undefined): ValidateFunction | undefined =>
    schema ? compiled(key, () => ajv.compile(toJsonSchema(schema, strict) as JsonObject)) : undefined;

  const errorEnvelope = compiled('error-envelope', () =>
    ajv.compile({
      type: 'object',
      required: ['errors'],
      properties: { errors: { type: 'array', minItems: 1, items: { $ref: 'square#/definitions/Error' } } },
    }),
  );

  function findPath(path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return undefined;
  }

  function matchOperation(method: string, path: string): MatchedOperation | undefined {
    const found = findPath(path);
    const lower = method.toLowerCase();
    const operation = found ? spec.paths[found.route.template]?.[lower] : undefined;
    if (!found || !operation) return undefined;
    const { template } = found.route;
    return { operationId: operation.operationId, template, method: lower, pathParams: found.params, operation };
  }

  function unknownOperation(method: string, path: string): ContractViolation {
    const known = findPath(path);
    return known
      ? {
          where: 'operation',
          field: '',
          keyword: 'methodNotAllowed',
          message: `${method} is not defined for this path`,
        }
      : { where: 'operation', field: '', keyword: 'unknownOperation', message: "no such operation in Square's API" };
  }

  function checkSecurity(op: OpenApiOperation, headers: RequestToCheck['headers']): ContractViolation[] {
    const requirement = op.security?.[0];
    if (!requirement) return [];
    const auth = header(headers, 'authorization');
    // RevokeToken: `Authorization: Client <application secret>` (ref §4); everything else: Bearer.
    const scheme = 'squareClientSecret' in requirement ? 'Client' : 'Bearer';
    if (auth && new RegExp(`^${scheme} \\S+$`).test(auth)) return [];
    return [
      {
        where: 'security',
        field: 'Authorization',
        keyword: 'security',
        message: `Authorization header must be "${scheme} <credential>"`,
      },
    ];
  }

  function checkVersionHeader(headers: RequestToCheck['headers']): ContractViolation[] {
    const version = header(headers, 'square-version');
    if (version === undefined) return []; // optional: the app's pinned version applies (ref §1)
    const m = SQUARE_VERSION.exec(version);
    if (m && validDate(m[1] ?? '', m[2] ?? '', m[3] ?? '')) return [];
    return [
      {
        where: 'header',
        field: 'Square-Version',
        keyword: 'squareVersion',
        message: 'Square-Version must be a date YYYY-MM-DD',
      },
    ];
  }

  function checkParams(matched: MatchedOperation, query: RequestToCheck['query']): ContractViolation[] {
    const params = matched.operation.parameters ?? [];
    const out: ContractViolation[] = [];
    for (const p of params.filter((x) => x.in === 'path')) {
      const v = compiled(`path:${matched.operationId}:${p.name}`, () =>
        ajv.compile(toJsonSchema(p.schema ?? {}, strict) as JsonObject),
      );
      if (!v(matched.pathParams[p.name])) {
        out.push(...toViolations('path', v.errors).map((x) => ({ ...x, field: p.name })));
      }
    }
    const queryParams = params.filter((x) => x.in === 'query');
    const querySchema = {
      type: 'object',
      properties: Object.fromEntries(queryParams.map((p) => [p.name, toJsonSchema(p.schema ?? {}, strict)])),
      required: queryParams.filter((p) => p.required).map((p) => p.name),
      additionalProperties: !strict,
    };
    const data: Record<string, string> = {};
    const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query ?? {});
    for (const [k, v] of entries) {
      if (k in data) out.push({ where: 'query', field: k, keyword: 'repeated', message: `${k} is repeated` });
      data[k] = v;
    }
    const vq = compiled(`query:${matched.operationId}`, () => coercing.compile(querySchema));
    if (!vq(data)) out.push(...toViolations('query', vq.errors));
    return out;
  }

  function parseBody(req: RequestToCheck): { present: boolean; body: unknown; violation?: ContractViolation } {
    if (req.rawBody === undefined) return { present: req.body !== undefined, body: req.body };
    if (req.rawBody.length === 0) return { present: false, body: undefined };
    try {
      return { present: true, body: JSON.parse(req.rawBody) as unknown };
    } catch {
      return {
        present: true,
        body: undefined,
        violation: { where: 'body', field: '', keyword: 'notJson', message: 'request body is not JSON' },
      };
    }
  }

  function checkBody(matched: MatchedOperation, req: RequestToCheck): ContractViolation[] {
    const declared = matched.operation.requestBody;
    const parsed = parseBody(req);
    if (!declared) {
      return parsed.present
        ? [{ where: 'body', field: '', keyword: 'unexpectedBody', message: 'this operation takes no request body' }]
        : [];
    }
    if (!parsed.present) {
      return declared.required
        ? [{ where: 'body', field: '', keyword: 'required', message: 'a JSON request body is required' }]
        : [];
    }
    const out: ContractViolation[] = [];
    if (req.headers && !isJsonContentType(header(req.headers, 'content-type'))) {
      out.push({
        where: 'header',
        field: 'Content-Type',
        keyword: 'contentType',
        message: 'Content-Type must be application/json',
      });
    }
    if (parsed.violation) return [...out, parsed.violation];
    const v = schemaValidator(`req:${matched.operationId}`, declared.content?.['application/json']?.schema);
    if (v && !v(parsed.body)) out.push(...toViolations('body', v.errors));
    return out;
  }

  function validateRequest(req: RequestToCheck): ContractViolation[] {
    const matched = matchOperation(req.method, req.path);
    if (!matched) return [unknownOperation(req.method, req.path)];
    return [
      ...checkSecurity(matched.operation, req.headers),
      ...checkVersionHeader(req.headers),
      ...checkParams(matched, req.query),
      ...checkBody(matched, req),
    ];
  }

  function validateResponse(res: ResponseToCheck): ContractViolation[] {
    const out: ContractViolation[] = [];
    if (res.contentType !== undefined && !isJsonContentType(res.contentType)) {
      out.push({
        where: 'header',
        field: 'Content-Type',
        keyword: 'contentType',
        message: 'response Content-Type must be application/json',
      });
    }
    const matched = matchOperation(res.method, res.path);
    const isError = res.status >= 400 && res.status <= 599;
    if (!isError && !(matched && String(res.status) in matched.operation.responses)) {
      out.push({
        where: 'status',
        field: '',
        keyword: 'undeclaredStatus',
        message: `status ${res.status} is neither declared nor an error status`,
      });
    }
    if (isError && !errorEnvelope(res.body)) out.push(...toViolations('body', errorEnvelope.errors));
    if (matched) {
      const declared = matched.operation.responses['200'] ?? matched.operation.responses.default;
      const v = schemaValidator(`res:${matched.operationId}`, declared?.content?.['application/json']?.schema);
      if (v && !v(res.body)) out.push(...toViolations('body', v.errors));
    }
    return unique(out);
  }

  return { matchOperation, validateRequest, validateResponse };
}

let shared: ContractValidator | undefined;

/** One strict validator per process: compiling Square's schemas takes a moment, reuse it. */
export function squareContract(): ContractValidator {
  shared ??= createContractValidator({ strict: true });
  return shared;
}
