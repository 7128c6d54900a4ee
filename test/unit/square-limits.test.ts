// Square's own per-host limit (providers/square/limits.ts) on every Square request: 8 in flight
// per environment host, replacing the core's generic host cap (which still holds requests that
// carry no such limit), and shared by every client of one core.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src-main/log/logger';
import { RedactionRegistry } from '../../src-main/log/redaction';
import type { ProviderContext } from '../../src-main/providers/adapter';
import { createHttpContext } from '../../src-main/providers/http/http-context';
import { createRequestLog } from '../../src-main/providers/http/request-log';
import { callSquare } from '../../src-main/providers/square/client';
import { SQUARE_HOST_LIMIT } from '../../src-main/providers/square/limits';
import { seedBasicWorld, startSquareEmulator, type BasicWorld, type SquareEmulator } from '../emulators/square';

let sq: SquareEmulator;
let world: BasicWorld;
let dataDir: string;
let ctx: ProviderContext;

beforeAll(async () => {
  sq = await startSquareEmulator({ latencyMs: 60 });
  world = seedBasicWorld(sq, 'sandbox');
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-sq-limits-'));
  const redaction = new RedactionRegistry();
  const http = createHttpContext({
    endpoints: sq.endpoints(),
    allowLoopbackHttp: true,
    redaction,
    requestLog: createRequestLog(),
    clock: () => new Date(),
    logger: createLogger({ dataDir, redaction }),
    hostLimits: { maxConcurrent: 1, maxPerWindow: 1000 }, // a generic cap far below Square's own
  });
  ctx = {
    http,
    logger: createLogger({ dataDir, redaction }),
    redaction,
    clock: () => new Date(),
    credentials: () => [],
    secretOf: async () => world.personalToken,
  };
});
beforeEach(() => sq.resetObservations());
afterAll(async () => {
  expect(sq.contractViolations()).toEqual([]);
  await sq.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const status = () =>
  callSquare(ctx, {
    environment: 'sandbox',
    method: 'POST',
    path: '/oauth2/token/status',
    auth: { bearer: world.personalToken },
    schema: z.unknown(),
  });

describe("Square's per-host limit", () => {
  it('lets 8 Square requests run at once, whatever the generic host cap says', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, status));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(SQUARE_HOST_LIMIT.maxConcurrent).toBe(8);
    expect(sq.stats().peakConcurrency).toBe(8);
  });

  it("requests without Square's limit still get the generic cap", async () => {
    const client = ctx.http.client('square', 'sandbox', 'connect');
    await Promise.all(
      Array.from({ length: 4 }, () =>
        client.get('/v2/locations', { headers: { Authorization: `Bearer ${world.personalToken}` } }),
      ),
    );
    expect(sq.stats().peakConcurrency).toBe(1);
  });
});
