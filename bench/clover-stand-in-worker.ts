// The local Clover in a process of its own, for the benchmark: the vendor runs on other machines,
// so its CPU must not be counted as ours. The bench talks to it over the IPC channel (remote-clover.ts).
import { startCloverEmulator } from '../test/emulators/clover';

export type WorkerRequest =
  { op: 'seed'; apps: number; tokens: number } | { op: 'requests' } | { op: 'rateLimits' } | { op: 'close' };

/** The parent's IPC channel (child_process.fork). */
const port = {
  postMessage: (m: unknown) => process.send?.(m),
  on: (_event: 'message', fn: (m: WorkerRequest & { seq: number }) => void) => process.on('message', fn),
};

async function main(): Promise<void> {
  const options = JSON.parse(process.env.MK_STAND_IN_OPTIONS ?? '{}') as Parameters<typeof startCloverEmulator>[0];
  const clover = await startCloverEmulator(options);
  port.postMessage({ ready: true, endpoints: clover.endpoints() });
  port.on('message', async (m: WorkerRequest & { seq: number }) => {
    const reply = (value: unknown) => port.postMessage({ seq: m.seq, value });
    if (m.op === 'seed') {
      // One merchant per token, so each app+merchant pair holds one refresh token: the stand-in's
      // cap on active refresh tokens (5 per app and merchant, its README) never retires one.
      const perApp = Math.ceil(m.tokens / m.apps);
      const out: { appId: string; merchantId: string; token: string; expiration: number }[] = [];
      for (let a = 0; a < m.apps; a++) {
        const app = clover.seed.app({ name: `Bench app ${a + 1}` });
        for (let i = 0; i < perApp && out.length < m.tokens; i++) {
          const merchant = clover.seed.merchant();
          clover.seed.install({ appId: app.id, merchantId: merchant.id });
          const pair = clover.seed.v2Tokens({ appId: app.id, merchantId: merchant.id });
          out.push({
            appId: app.id,
            merchantId: merchant.id,
            token: pair.access_token,
            expiration: pair.access_token_expiration,
          });
        }
      }
      reply(out);
    } else if (m.op === 'requests') reply(clover.inspect.requests());
    else if (m.op === 'rateLimits') reply(clover.inspect.rateLimits());
    else if (m.op === 'close') {
      await clover.close();
      reply(true);
    }
  });
}

void main();
