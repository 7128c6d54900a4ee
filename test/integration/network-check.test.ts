// The core's HTTP wiring end to end: a channel that calls out (network.check) against a loopback
// stand-in, and requests.list showing that call. Production without an override is refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreFixture } from '../helpers/core-fixture';

let server: http.Server;
let seen: string[];
let f: CoreFixture;

beforeEach(async () => {
  seen = [];
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? 'none'}`);
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"errors":[{"category":"INVALID_REQUEST_ERROR","code":"NOT_FOUND"}]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  f = await startCore({ allowLoopbackHttp: true, endpoints: { 'square.sandbox': base, 'clover.sandbox': base } });
});
afterEach(async () => {
  await f.cleanup();
  await new Promise((r) => server.close(r));
});

describe('network.check and requests.list', () => {
  it('reaches the stand-in without any credential and logs the call', async () => {
    const r = await f.call('network.check', { provider: 'square', environment: 'sandbox' });
    expect(r).toMatchObject({ reachable: true, status: 404 });
    expect(seen).toEqual(['GET / auth=none']);
    const { items } = await f.call('requests.list', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      provider: 'square',
      method: 'GET',
      host: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      path: '/',
      status: 404,
      attempt: 1,
      idempotencyKey: null,
    });
  });

  it('refuses plain HTTP to loopback unless the core was created for tests, before anything is sent', async () => {
    await f.restart({
      allowLoopbackHttp: false,
      endpoints: { 'clover.sandbox': `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    });
    const r = await f.raw('network.check', { provider: 'clover', environment: 'sandbox' });
    expect(r).toMatchObject({ ok: false, error: { code: 'HOST_NOT_ALLOWED' } });
    expect(seen).toEqual([]);
    expect((await f.call('requests.list', {})).items[0]).toMatchObject({ status: null, error: expect.any(String) });
  });

  it('an endpoint override that is not a URL is refused when the core is created', async () => {
    await expect(f.restart({ endpoints: { 'square.sandbox': 'not a url' } as never })).rejects.toThrow();
  });
});
