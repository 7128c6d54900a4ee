// validate request -> handler -> validate response -> typed result or typed error.
// Both directions are checked against the contract, so a handler that returns a field the
// contract does not know (a secret, say) fails loudly instead of reaching the renderer.
import type { z } from 'zod';
import { contract, type Channel, type IpcResult, type ResponseOf } from './contract';
import { AppError, toIpcError } from './errors';
import type { Logger } from '../log/logger';
import type { RedactionRegistry } from '../log/redaction';

export type Handlers = {
  [C in Channel]: (request: z.infer<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

const issuePaths = (error: z.ZodError): string[] =>
  [...new Set(error.issues.map((i) => (i.path.length ? i.path.join('.') : '(payload)')))];

export function createRouter(handlers: Handlers, logger: Logger, redaction: RedactionRegistry) {
  return async function invoke(channel: unknown, payload: unknown): Promise<IpcResult<Channel>> {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'That action does not exist.', hint: null, fields: [] } };
    }
    const c = channel as Channel;
    const spec = contract[c];
    const started = performance.now();
    const req = spec.request.safeParse(payload ?? {});
    if (!req.success) {
      const fields = issuePaths(req.error);
      logger.warn('ipc.invalid_request', { channel: c, fields: fields.join(',') });
      return { ok: false, error: toIpcError(new AppError('INVALID_REQUEST', 'The request was not valid.', null, fields), redaction) };
    }
    let data: unknown;
    try {
      data = await (handlers[c] as (r: unknown) => unknown)(req.data);
    } catch (e) {
      const error = toIpcError(e, redaction);
      logger.log(error.code === 'INTERNAL' ? 'error' : 'info', 'ipc.failed', {
        channel: c, code: error.code, detail: e instanceof Error ? e.message.slice(0, 300) : 'non-error thrown',
      });
      return { ok: false, error };
    }
    const res = spec.response.safeParse(data);
    if (!res.success) {
      logger.error('ipc.invalid_response', { channel: c, fields: issuePaths(res.error).join(',') });
      return { ok: false, error: { code: 'RESPONSE_INVALID', message: 'Merchant Keychain produced an answer it refused to show.', hint: 'This is a bug; see audit.log.', fields: [] } };
    }
    if (performance.now() - started > 500) logger.info('ipc.slow', { channel: c, ms: Math.round(performance.now() - started) });
    return { ok: true, data: res.data } as IpcResult<Channel>;
  };
}
