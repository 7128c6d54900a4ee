// "Copy as curl" (issue #10) through the real core and the local Square: the clipboard gets the
// real command (the token in its Authorization header, the body with its idempotency key), the
// answer, the request log, the audit log and the metadata get none of it; the guard clears it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { curlCommand } from '../../src-main/network/copy-curl';
import { seedCredentials, startSquare, type SquareFixture } from '../helpers/square';

let fx: SquareFixture;
beforeEach(async () => (fx = await startSquare()));
afterEach(async () => fx.close());

describe('requests.copyCurl', () => {
  it('puts the real request on the clipboard and answers only the redacted form', async () => {
    const token = fx.sandbox.personalToken;
    const [id] = await seedCredentials(fx.f, [{ kind: 'access_token', value: token, environment: 'sandbox' }]);
    await fx.f.call('credentials.inspect', { id: id! });
    const entries = (await fx.f.call('requests.list', {})).items;
    const status = entries.find((e) => e.path.includes('/oauth2/token/status'))!;
    expect(status).toBeDefined();

    const r = await fx.f.call('requests.copyCurl', { id: status.id });
    const copied = fx.f.clipboard.readText();
    expect(copied).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/oauth2\/token\/status'/);
    expect(copied).toContain(`-H 'Authorization: Bearer ${token}'`);
    expect(copied).toMatch(/-H 'Square-Version: \d{4}-\d\d-\d\d'/i);
    expect(r.clearsInSeconds).toBe(30);
    expect(r.redacted).not.toContain(token);
    expect(r.redacted).toContain("-H 'Authorization: [REDACTED]'");

    const listed = JSON.stringify((await fx.f.call('requests.list', {})).items);
    const files = await Promise.all(
      (await fs.readdir(fx.f.dataDir)).map((n) => fs.readFile(path.join(fx.f.dataDir, n), 'utf8').catch(() => '')),
    );
    for (const text of [listed, JSON.stringify(r), ...files]) expect(text).not.toContain(token);
  });

  it('a request that is not (or no longer) in the log: NOT_FOUND, clipboard untouched', async () => {
    fx.f.clipboard.writeText('unchanged');
    const r = await fx.f.core.invoke('requests.copyCurl', { id: 'no-such-request' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fx.f.clipboard.readText()).toBe('unchanged');
  });

  it('quotes for the shell: a quote in a value cannot end the argument', () => {
    const cmd = curlCommand({
      method: 'POST',
      url: "https://x.test/a'b",
      headers: { 'X-T': "it's" },
      body: '{"a":"\'"}',
    });
    expect(cmd).toBe(`curl -X POST 'https://x.test/a'\\''b' -H 'X-T: it'\\''s' --data-raw '{"a":"'\\''"}'`);
  });
});
