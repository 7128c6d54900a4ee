// Routes one request to its handler, with the contract check on both sides: a request that breaks Square's
// schemas gets the 400 INVALID_REQUEST_ERROR Square would send (and is recorded); every response is checked
// too and any violation recorded, so the stand-in cannot drift from Square's API unnoticed.
// Missing or malformed credentials are not answered with 400: the handler's 401 is what Square sends.
import type { IncomingHttpHeaders } from 'node:http';
import type { ResolvedOptions, RouteContext, RouteHandler } from './context';
import { internalError, invalid, notFound, violationsToResult, type ApiResult } from './errors';
import type { IdempotencyStore } from './idempotency';
import type { ContractValidator, ContractViolation } from './openapi';
import { authorizeDecision, authorizePage } from './routes/authorize';
import { retrieveMerchant, listMerchants, listLocations, retrieveLocation } from './routes/merchants';
import { obtainToken } from './routes/oauth-token';
import { cancelPayment, completePayment, createPayment, getPayment, listPayments } from './routes/payments';
import { refundPayment } from './routes/refunds';
import { revokeToken } from './routes/revoke';
import { retrieveTokenStatus } from './routes/token-status';
import type { Environment, RecordedViolation, RefreshCall } from './types';
import type { World } from './world';

const HANDLERS: Record<string, RouteHandler> = {
  ObtainToken: obtainToken,
  RetrieveTokenStatus: retrieveTokenStatus,
  RevokeToken: revokeToken,
  CreatePayment: createPayment,
  ListPayments: listPayments,
  GetPayment: getPayment,
  CompletePayment: completePayment,
  CancelPayment: cancelPayment,
  RefundPayment: refundPayment,
  ListLocations: listLocations,
  RetrieveLocation: retrieveLocation,
  RetrieveMerchant: retrieveMerchant,
  ListMerchants: listMerchants,
};

export const AUTHORIZE_PATH = '/oauth2/authorize';

export interface IncomingApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface DispatcherDeps {
  world: World;
  contract: ContractValidator;
  options: ResolvedOptions;
  idempotency: IdempotencyStore;
  allScopes: string[];
  recordViolation(v: RecordedViolation): void;
  recordRefresh(call: RefreshCall): void;
}

export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  operationId(method: string, path: string): string | undefined {
    return this.deps.contract.matchOperation(method, path)?.operationId;
  }

  dispatch(env: Environment, req: IncomingApiRequest): ApiResult {
    const { deps } = this;
    if (req.path === AUTHORIZE_PATH) return this.authorize(env, req);
    const violations = deps.contract.validateRequest({
      method: req.method,
      path: req.path,
      query: req.query,
      headers: req.headers,
      rawBody: req.rawBody,
    });
    this.record(env, 'request', req.method, req.path, violations);
    const matched = deps.contract.matchOperation(req.method, req.path);
    const handler = matched ? HANDLERS[matched.operationId] : undefined;
    let result: ApiResult;
    if (!matched || !handler) {
      result = violations.some((v) => v.keyword === 'methodNotAllowed')
        ? invalid('METHOD_NOT_ALLOWED', `${req.method} is not allowed here.`, undefined, 405)
        : notFound('No such endpoint.');
    } else {
      const blocking = violations.filter((v) => v.where !== 'security');
      result = blocking.length ? violationsToResult(blocking) : this.run(env, req, handler, matched.pathParams);
    }
    this.checkResponse(env, req.method, req.path, result);
    return result;
  }

  /** Checks an answer against Square's schemas and records what is wrong (also used for injected faults). */
  checkResponse(env: Environment, method: string, path: string, result: ApiResult): void {
    if (result.body === undefined) return;
    const violations = this.deps.contract.validateResponse({ method, path, status: result.status, body: result.body });
    this.record(env, 'response', method, path, violations, result.status);
  }

  private run(
    env: Environment,
    req: IncomingApiRequest,
    handler: RouteHandler,
    params: Record<string, string>,
  ): ApiResult {
    const { deps } = this;
    const parsed: unknown = req.rawBody ? JSON.parse(req.rawBody) : {};
    const ctx: RouteContext = {
      environment: env,
      world: deps.world,
      options: deps.options,
      idempotency: deps.idempotency,
      params,
      query: req.query,
      headers: req.headers,
      allScopes: deps.allScopes,
      body: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {},
      recordRefresh: (call) =>
        deps.recordRefresh({ environment: env, at: new Date(deps.world.clock.now()).toISOString(), ...call }),
    };
    try {
      return handler(ctx);
    } catch (e) {
      // A stand-in bug: answer like Square's internal error and make sure a test sees it.
      this.record(
        env,
        'response',
        req.method,
        req.path,
        [{ where: 'body', field: '', keyword: 'handlerThrew', message: e instanceof Error ? e.message : String(e) }],
        500,
      );
      return internalError();
    }
  }

  private authorize(env: Environment, req: IncomingApiRequest): ApiResult {
    const { world, allScopes } = this.deps;
    if (req.method === 'GET') return authorizePage(world, env, req.query, allScopes);
    if (req.method === 'POST') return authorizeDecision(world, env, new URLSearchParams(req.rawBody), allScopes);
    return { status: 405, html: 'Method not allowed' };
  }

  private record(
    env: Environment,
    direction: 'request' | 'response',
    method: string,
    path: string,
    violations: ContractViolation[],
    status?: number,
  ): void {
    if (!violations.length) return;
    this.deps.recordViolation({
      environment: env,
      direction,
      method,
      path,
      ...(status !== undefined ? { status } : {}),
      violations,
    });
  }
}
