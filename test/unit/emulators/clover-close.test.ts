// close() over real HTTP, in its own file (own worker) so the handle count starts from a clean baseline:
// no listener, socket or timer of the emulator may survive it.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startCloverEmulator } from '../../emulators/clover';

describe('close()', () => {
  const count = (kinds: string[]) => process.getActiveResourcesInfo().filter((r) => kinds.includes(r)).length;
  const tcp = () => count(['TCPServerWrap', 'TCPSocketWrap']);
  // The test runner may hold a timer of its own at the start, so timers may only go down.
  const timers = () => count(['Timeout']);

  it('stops both listeners, ends open and pending requests, and leaves no handles behind', async () => {
    const baseline = { tcp: tcp(), timers: timers() };
    const c = await startCloverEmulator();
    const s = c.seed.connectedMerchant();
    const agent = new http.Agent({ keepAlive: true });
    const get = (base: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`${base}/v3/merchants/${s.merchant.id}`, { agent, headers: { authorization: `Bearer ${s.tokens.access_token}` } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', reject);
      });
    expect(await get(c.urls.sandbox)).toBe(200); // leaves a keep-alive socket open
    expect(await get(c.urls.production)).toBe(401);
    c.faults.always({}, { kind: 'delay', ms: 10_000 });
    const pending = get(c.urls.sandbox);
    await new Promise((r) => setTimeout(r, 50));
    expect(tcp()).toBeGreaterThan(baseline.tcp);
    expect(timers()).toBeGreaterThan(baseline.timers); // the pending delay
    const t = performance.now();
    await c.close();
    expect(performance.now() - t).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    agent.destroy();
    for (const base of Object.values(c.urls)) await expect(get(base)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await new Promise((r) => setTimeout(r, 20));
    expect(tcp()).toBe(baseline.tcp);
    expect(timers()).toBeLessThanOrEqual(baseline.timers);
    await c.close(); // idempotent
  });
});
