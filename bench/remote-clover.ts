// Starts the local Clover in a child process (clover-stand-in-worker.ts) and talks to it, so the
// benchmark measures our client's CPU (process.cpuUsage), not the stand-in's.
import path from 'node:path';
import { fork } from 'node:child_process';
import type { RateLimitStats, RequestLogEntry } from '../test/emulators/clover/types';
import type { WorkerRequest } from './clover-stand-in-worker';

export interface RemoteClover {
  endpoints(): Record<string, string>;
  seed(
    apps: number,
    tokens: number,
  ): Promise<{ appId: string; merchantId: string; token: string; expiration: number }[]>;
  requests(): Promise<RequestLogEntry[]>;
  rateLimits(): Promise<RateLimitStats>;
  close(): Promise<void>;
}

export async function startRemoteClover(options: { latencyMs: number }): Promise<RemoteClover> {
  const worker = fork(path.join(__dirname, 'clover-stand-in-worker.mjs'), [], {
    env: { ...process.env, MK_STAND_IN_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (v: unknown) => void>();
  let seq = 0;
  const endpoints = await new Promise<Record<string, string>>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { endpoints: Record<string, string> }) => resolve(m.endpoints));
  });
  worker.on('message', (m: { seq: number; value: unknown }) => pending.get(m.seq)?.(m.value));
  const ask = <T>(req: WorkerRequest): Promise<T> =>
    new Promise((resolve) => {
      seq += 1;
      pending.set(seq, resolve as (v: unknown) => void);
      worker.send({ ...req, seq });
    });
  return {
    endpoints: () => endpoints,
    seed: (apps, tokens) => ask({ op: 'seed', apps, tokens }),
    requests: () => ask({ op: 'requests' }),
    rateLimits: () => ask({ op: 'rateLimits' }),
    async close() {
      await ask({ op: 'close' });
      if (worker.exitCode === null) worker.kill(); // only the process we started
    },
  };
}
