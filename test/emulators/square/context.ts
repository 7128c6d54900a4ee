// What every route handler receives. Handlers are synchronous: a request is processed in one turn of the
// event loop, so two concurrent requests with one idempotency key can never both create a payment.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResult } from './errors';
import type { IdempotencyStore } from './idempotency';
import type { Environment, RefreshCall, SquareEmulatorOptions } from './types';
import type { World } from './world';

export type ResolvedOptions = Required<Omit<SquareEmulatorOptions, 'now' | 'rateLimit'>> &
  Pick<SquareEmulatorOptions, 'rateLimit'>;

export interface RouteContext {
  environment: Environment;
  world: World;
  options: ResolvedOptions;
  idempotency: IdempotencyStore;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body ({} when none); the contract check has already vouched for its shape. */
  body: Record<string, unknown>;
  allScopes: string[];
  recordRefresh(call: Omit<RefreshCall, 'environment' | 'at'>): void;
}

export type RouteHandler = (ctx: RouteContext) => ApiResult;

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
