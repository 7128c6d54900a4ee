// The router checks both directions: bad requests never reach a handler, and a handler that
// returns a field the contract does not know (a secret, say) is stopped before the renderer.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/ipc/router';
import type { Handlers } from '../../src-main/ipc/handlers';
import { createLogger } from '../../src-main/log/logger';
import { RedactionRegistry } from '../../src-main/log/redaction';
import { AppError } from '../../src-main/errors/app-error';
import { contract, CHANNELS } from '@shared/contract';

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-router-'))));
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

function router(overrides: Partial<Handlers>) {
  const redaction = new RedactionRegistry();
  redaction.register('SUPERSECRETVALUE-123');
  const logger = createLogger({ dataDir: dir, redaction });
  const calls: string[] = [];
  const handlers = new Proxy(overrides, {
    get: (t, k: string) =>
      t[k as keyof Handlers] ??
      (() => {
        calls.push(k);
        throw new Error('not in this test');
      }),
  }) as Handlers;
  return { invoke: createRouter(handlers, logger, redaction), calls, logFile: logger.file };
}

describe('router', () => {
  it('refuses a response with an extra field (a leaked secret) as RESPONSE_INVALID', async () => {
    const { invoke } = router({
      'settings.get': () => ({ clipboardClearSeconds: 30, token: 'SUPERSECRETVALUE-123' }) as never,
    });
    const r = await invoke('settings.get', {});
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'RESPONSE_INVALID' }) });
    expect(JSON.stringify(r)).not.toContain('SUPERSECRETVALUE');
  });

  it('never calls the handler for an invalid request', async () => {
    let called = false;
    const { invoke } = router({
      'settings.update': () => ((called = true), { clipboardClearSeconds: 5, expiryWarningDays: 7 }),
    });
    const r = await invoke('settings.update', { clipboardClearSeconds: 'soon' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['clipboardClearSeconds'] } });
    expect(called).toBe(false);
  });

  it('turns AppError into its typed error and anything else into INTERNAL, logging only its class', async () => {
    const { invoke, logFile } = router({
      'credentials.list': () => {
        throw new Error('boom with SUPERSECRETVALUE-123 inside');
      },
      'settings.get': () => {
        throw new AppError('KEYCHAIN_LOCKED', 'Locked.', 'Unlock it.');
      },
    });
    expect(await invoke('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'Locked.', hint: 'Unlock it.', fields: [] },
    });
    const r = await invoke('credentials.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('boom');
    const log = await fs.readFile(logFile, 'utf8');
    // An unexpected error may embed a secret nobody registered: its message is never logged.
    expect(log).not.toContain('boom');
    expect(log).toMatch(/"code":"INTERNAL","detail":"unexpected failure \(message withheld\)","errorClass":"Error"/);
    expect(log).not.toContain('SUPERSECRETVALUE');
  });
});

describe('contract', () => {
  it('no response schema has a field named like a secret', () => {
    const names: string[] = [];
    const walk = (schema: unknown): void => {
      const def = (schema as { def?: Record<string, unknown> })?.def;
      if (!def) return;
      if (def.type === 'object') {
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
          names.push(k);
          walk(v);
        }
      }
      for (const key of ['element', 'innerType', 'in', 'out']) if (def[key]) walk(def[key]);
      if (Array.isArray(def.options)) def.options.forEach(walk);
    };
    for (const c of CHANNELS) walk(contract[c].response);
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((n) => /secret|token|password|value|key$/i.test(n) && n !== 'idempotencyKey')).toEqual([]);
  });

  it('every response object is strict (unknown keys are refused)', () => {
    for (const c of CHANNELS) {
      const schema = contract[c].response;
      const sample = { __unexpected: 1 };
      expect(schema.safeParse(sample).success, c).toBe(false);
    }
  });
});
