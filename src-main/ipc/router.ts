// validate request -> handler -> validate response -> typed result or typed error.
// Both directions are checked against the contract, so a handler that returns a field the
// contract does not know (a secret, say) fails loudly instead of reaching the renderer.
import type { z } from 'zod';
import { contract, type Channel, type IpcError, type IpcResult } from '@shared/contract';
import { AppError } from '../errors/app-error';
import type { Logger } from '../log/logger';
import type { RedactionRegistry } from '../log/redaction';
import type { Handlers } from './handlers';
import { toIpcError } from './to-ipc-error';

const issuePaths = (error: z.ZodError): string[] => [
  ...new Set(error.issues.map((i) => (i.path.length ? i.path.join('.') : '(payload)'))),
];

/** Paths of properties whose value is `undefined`: Electron's structured clone keeps them, JSON
 *  would not, and zod's `.optional()` accepts them, so they would reach a handler as "set to nothing". */
function undefinedPaths(value: unknown, at: string[] = [], out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null || out.length >= 50) return out;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) out.push([...at, k].join('.'));
    else undefinedPaths(v, [...at, k], out);
  }
  return out;
}

const fail = (error: IpcError): IpcResult<Channel> => ({ ok: false, error });

export interface RouterOptions {
  /** While true (after core.close()), every call answers a typed error and no handler runs. */
  isClosed?: () => boolean;
  /** Counts calls in flight, so close() can wait for them. */
  track?: <T>(work: Promise<T>) => Promise<T>;
}

export function createRouter(handlers: Handlers, logger: Logger, redaction: RedactionRegistry, o: RouterOptions = {}) {
  const invalid = (fields: string[]): IpcResult<Channel> =>
    fail(toIpcError(new AppError('INVALID_REQUEST', 'The request was not valid.', null, fields), redaction));

  async function run(c: Channel, payload: unknown): Promise<IpcResult<Channel>> {
    const spec = contract[c];
    const started = performance.now();
    const undef = undefinedPaths(payload);
    if (undef.length > 0) {
      logger.warn('ipc.invalid_request', { channel: c, fields: undef.join(',') });
      return invalid(undef);
    }
    const req = spec.request.safeParse(payload ?? {});
    if (!req.success) {
      const fields = issuePaths(req.error);
      logger.warn('ipc.invalid_request', { channel: c, fields: fields.join(',') });
      return invalid(fields);
    }
    let data: unknown;
    try {
      data = await (handlers[c] as (r: unknown) => unknown)(req.data);
    } catch (e) {
      const error = toIpcError(e, redaction);
      logger.log(error.code === 'INTERNAL' ? 'error' : 'info', 'ipc.failed', {
        channel: c,
        code: error.code,
        ...failureDetail(e),
      });
      return fail(error);
    }
    const res = spec.response.safeParse(data);
    if (!res.success) {
      logger.error('ipc.invalid_response', { channel: c, fields: issuePaths(res.error).join(',') });
      return fail({
        code: 'RESPONSE_INVALID',
        message: 'Merchant Keychain produced an answer it refused to show.',
        hint: 'This is a bug; see audit.log.',
        fields: [],
      });
    }
    const ms = Math.round(performance.now() - started);
    if (ms > 500) logger.info('ipc.slow', { channel: c, ms });
    return { ok: true, data: res.data } as IpcResult<Channel>;
  }

  return async function invoke(channel: unknown, payload: unknown): Promise<IpcResult<Channel>> {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', message: 'That action does not exist.', hint: null, fields: [] });
    }
    if (o.isClosed?.()) {
      return fail({
        code: 'UNAVAILABLE',
        message: 'Merchant Keychain is shutting down.',
        hint: 'Start it again to continue.',
        fields: [],
      });
    }
    const work = run(channel as Channel, payload);
    return o.track ? o.track(work) : work;
  };
}

/**
 * What the audit log may say about a failure. AppErrors carry text written for users (and HTTP
 * errors a redacted detail); anything else gets a fixed text and its class only, because its
 * message may embed a secret nobody registered (the logger scrubs registered values and patterns
 * on top of this).
 */
function failureDetail(e: unknown): Record<string, string> {
  if (e instanceof AppError) {
    const detail = (e as AppError & { detail?: unknown }).detail;
    return typeof detail === 'string' ? { detail } : { detail: e.message.slice(0, 300) };
  }
  const errorClass = e instanceof Error ? e.constructor.name.slice(0, 60) : typeof e;
  return { detail: 'unexpected failure (message withheld)', errorClass };
}
