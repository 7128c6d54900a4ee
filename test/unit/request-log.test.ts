import { describe, expect, it } from 'vitest';
import { RequestLogEntry } from '@shared/contract';
import { RedactionRegistry } from '../../src-main/log/redaction';
import {
  buildRequestLogEntry,
  createRequestLog,
  idempotencyKeyFrom,
  redactPathAndQuery,
  type AttemptRecord,
} from '../../src-main/providers/http/request-log';

const base: AttemptRecord = {
  provider: 'square',
  method: 'post',
  url: 'https://connect.squareupsandbox.com/v2/payments',
  status: 200,
  durationMs: 12.6,
  idempotencyKey: 'k-1',
  attempt: 1,
  error: null,
  at: new Date('2026-01-02T03:04:05.000Z'),
};

describe('createRequestLog', () => {
  it('keeps the newest entries, newest first, up to capacity', () => {
    const reg = new RedactionRegistry();
    const log = createRequestLog(3);
    for (let i = 1; i <= 5; i++) log.add(buildRequestLogEntry({ ...base, url: `https://h.test/p${i}` }, reg));
    expect(log.size).toBe(3);
    expect(log.list().map((e) => e.path)).toEqual(['/p5', '/p4', '/p3']);
    expect(log.list(2).map((e) => e.path)).toEqual(['/p5', '/p4']);
    expect(log.list(0)).toEqual([]);
    log.clear();
    expect(log.list()).toEqual([]);
  });

  it('refuses entries that do not match the IPC schema', () => {
    const log = createRequestLog();
    const good = buildRequestLogEntry(base, new RedactionRegistry());
    expect(() => log.add({ ...good, attempt: 0 })).toThrow();
    expect(() => log.add({ ...good, secret: 'x' } as RequestLogEntry)).toThrow();
    expect(log.size).toBe(0);
  });

  it('rejects a bad capacity', () => {
    expect(() => createRequestLog(0)).toThrow(RangeError);
  });
});

describe('buildRequestLogEntry', () => {
  it('produces a schema-valid entry with host, path, status, duration, key and attempt', () => {
    const e = buildRequestLogEntry(
      { ...base, url: 'http://127.0.0.1:5000/v2/payments?limit=5' },
      new RedactionRegistry(),
    );
    expect(RequestLogEntry.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      provider: 'square',
      method: 'POST',
      host: '127.0.0.1:5000',
      path: '/v2/payments?limit=5',
      status: 200,
      durationMs: 13,
      idempotencyKey: 'k-1',
      attempt: 1,
      error: null,
      at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('cuts long fields to the contract limits and scrubs the error text', () => {
    const reg = new RedactionRegistry();
    reg.register('REGISTERED-SECRET-123');
    const e = buildRequestLogEntry(
      {
        ...base,
        idempotencyKey: 'k'.repeat(100),
        error: `boom REGISTERED-SECRET-123 Bearer abc.def ${'x'.repeat(500)}`,
        url: `https://h.test/${'a'.repeat(3000)}`,
      },
      reg,
    );
    expect(RequestLogEntry.safeParse(e).success).toBe(true);
    expect(e.error).not.toContain('REGISTERED-SECRET-123');
    expect(e.error).not.toContain('abc.def');
    expect(e.error!.length).toBeLessThanOrEqual(300);
    expect(e.idempotencyKey).toHaveLength(64);
  });

  it('never logs userinfo or an unparseable URL', () => {
    const reg = new RedactionRegistry();
    expect(buildRequestLogEntry({ ...base, url: 'https://user:hunter2hunter2@h.test/x' }, reg).host).toBe('h.test');
    const bad = buildRequestLogEntry({ ...base, url: 'nope SECRET' }, reg);
    expect(bad.host).toBe('invalid-url');
    expect(JSON.stringify(bad)).not.toContain('SECRET');
  });
});

describe('redactPathAndQuery', () => {
  const reg = new RedactionRegistry();
  reg.register('sq0csp-REGISTEREDappsecret');

  it('redacts /access_tokens/{token} path segments (clover-api.md §8)', () => {
    expect(redactPathAndQuery('/v3/access_tokens/8f3a1b2c-aaaa-bbbb-cccc-ddddeeeeffff', reg)).toBe(
      '/v3/access_tokens/[REDACTED]',
    );
  });

  it('drops the values of secret-looking query keys and keeps the others', () => {
    const out = redactPathAndQuery(
      '/oauth/v2/token?client_id=APPID&code=AUTHCODE1&client_secret=S1&access_token=T1&refresh_token=R1&token=T2&api_key=K1&code_verifier=V1&limit=10&flag',
      reg,
    );
    expect(out).toBe(
      '/oauth/v2/token?client_id=APPID&code=[REDACTED]&client_secret=[REDACTED]&access_token=[REDACTED]&refresh_token=[REDACTED]&token=[REDACTED]&api_key=[REDACTED]&code_verifier=[REDACTED]&limit=10&flag',
    );
    for (const s of ['AUTHCODE1', 'S1&', 'T1', 'R1', 'T2', 'K1', 'V1']) expect(out).not.toContain(s);
  });

  it('matches secret keys case-insensitively and even when percent-encoded', () => {
    expect(redactPathAndQuery('/x?Access_Token=T1&%61ccess_token=T2', reg)).toBe(
      '/x?Access_Token=[REDACTED]&access_token=[REDACTED]',
    );
  });

  it('scrubs registered secrets anywhere, including percent-encoded', () => {
    expect(redactPathAndQuery('/v1/sq0csp-REGISTEREDappsecret/x?q=sq0csp-REGISTEREDappsecret', reg)).not.toContain(
      'REGISTERED',
    );
    expect(redactPathAndQuery('/v1/sq0csp-%52EGISTEREDappsecret', reg)).not.toContain('EGISTERED');
  });

  it('drops the fragment', () => {
    expect(redactPathAndQuery('/cb#access_token=abc', reg)).toBe('/cb');
  });

  it('a malformed % escape elsewhere does not stop an encoded secret from being scrubbed (issue #7)', () => {
    const r = new RedactionRegistry();
    const secret = 'Zq9x7Rk2Lm4Np6Tv8Wb0Yc3Ed5Fg';
    r.register(secret);
    const encoded = [...secret].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
    for (const raw of [
      `/v3/items/%zz/${encoded}`,
      `/v3/items/${encoded}%`,
      `/x?note=%E0%A4%A/${encoded}`,
      `/x?q=100%&v=${encoded}`,
    ]) {
      const out = redactPathAndQuery(raw, r);
      expect(out).not.toContain(secret);
      expect(out).not.toContain(encoded);
      expect(out).toContain('[REDACTED]');
    }
  });
});

describe('idempotencyKeyFrom', () => {
  it('reads the header in any case', () => {
    expect(idempotencyKeyFrom({ 'Idempotency-Key': 'A' }, undefined)).toBe('A');
    expect(idempotencyKeyFrom({ 'idempotency-key': 'B' }, undefined)).toBe('B');
    expect(idempotencyKeyFrom({ 'IDEMPOTENCY-KEY': 'C' }, '{}')).toBe('C');
  });

  it('reads idempotency_key from a JSON body, as string or object', () => {
    expect(idempotencyKeyFrom({}, '{"source_id":"cnon:x","idempotency_key":"D"}')).toBe('D');
    expect(idempotencyKeyFrom(undefined, { idempotency_key: 'E' })).toBe('E');
  });

  it('prefers the header and returns null when there is none', () => {
    expect(idempotencyKeyFrom({ 'Idempotency-Key': 'H' }, { idempotency_key: 'B' })).toBe('H');
    expect(idempotencyKeyFrom({ authorization: 'Bearer x' }, '{"amount":1}')).toBeNull();
    expect(idempotencyKeyFrom({}, 'not json {')).toBeNull();
    expect(idempotencyKeyFrom({}, '{broken')).toBeNull();
    expect(idempotencyKeyFrom({}, { idempotency_key: '' })).toBeNull();
    expect(idempotencyKeyFrom({}, [{ idempotency_key: 'X' }])).toBeNull();
  });
});
