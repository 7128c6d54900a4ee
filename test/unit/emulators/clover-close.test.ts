// close() over real HTTP, in its own file (own worker) so the socket count starts from a clean baseline:
// no listener, socket or timer of the emulator may survive it.
import { createHook } from 'node:async_hooks';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startCloverEmulator } from '../../emulators/clover';

/** Timers created from the emulator's own code and not yet cleared or fired. The runner has timers of
 *  its own that come and go, so counting all timers would be flaky; the creating stack tells them apart. */
function trackEmulatorTimers() {
  const live = new Set<number>();
  const hook = createHook({
    init(id, type) {
      if (type === 'Timeout' && /emulators[/\\]clover[/\\]/.test(new Error().stack ?? '')) live.add(id);
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  return { live: () => live.size, stop: () => hook.disable() };
}

describe('close()', () => {
  const tcp = () =>
    process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;

  it('stops both listeners, ends open and pending requests, and leaves no handles behind', async () => {
    const baseline = tcp();
    const timers = trackEmulatorTimers();
    const c = await startCloverEmulator();
    const s = c.seed.connectedMerchant();
    const agent = new http.Agent({ keepAlive: true });
    const get = (base: string) =>
      new Promise<number>((resolve, reject) => {
        const headers = { authorization: `Bearer ${s.tokens.access_token}` };
        http
          .get(`${base}/v3/merchants/${s.merchant.id}`, { agent, headers }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', reject);
      });
    try {
      expect(await get(c.urls.sandbox)).toBe(200); // leaves a keep-alive socket open
      expect(await get(c.urls.production)).toBe(401);
      c.faults.always({}, { kind: 'delay', ms: 10_000 });
      const pending = get(c.urls.sandbox);
      await new Promise((r) => setTimeout(r, 50));
      expect(tcp()).toBeGreaterThan(baseline);
      expect(timers.live()).toBe(1); // the pending delay
      const t = performance.now();
      await c.close();
      expect(performance.now() - t).toBeLessThan(1000);
      await expect(pending).rejects.toThrow();
      agent.destroy();
      for (const base of Object.values(c.urls)) await expect(get(base)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await new Promise((r) => setTimeout(r, 20));
      expect(tcp()).toBe(baseline);
      expect(timers.live()).toBe(0);
      await c.close(); // idempotent
    } finally {
      timers.stop();
    }
  });
});
