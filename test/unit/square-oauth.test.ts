// The pieces of Square's PKCE connect that need no network: the verifier and S256 challenge, the
// authorize URL, the allowlist it must pass before a browser opens it, and the one-answer
// loopback listener (host check, other paths, state, denial, timeout, cancel).
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors/app-error';
import { listenForCallback } from '../../src-main/providers/square/loopback';
import { authorizeUrl, createPkce, isAllowedAuthorizeUrl } from '../../src-main/providers/square/oauth-pkce';
import { s256 } from '../emulators/square';

describe('PKCE values', () => {
  it('a fresh 43-character verifier, its S256 challenge (RFC 7636) and a state, each time', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(s256(a.verifier));
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set([a.verifier, b.verifier, a.state, b.state]).size).toBe(4);
  });

  it("the authorize URL names the app, our scopes, state, challenge and redirect, on Square's host", () => {
    const pkce = createPkce();
    const url = authorizeUrl({
      environment: 'sandbox',
      clientId: 'sandbox-sq0idb-abc',
      pkce,
      redirectUri: 'http://127.0.0.1:5000/square/callback',
    });
    expect(url.startsWith('https://connect.squareupsandbox.com/oauth2/authorize?')).toBe(true);
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
      client_id: 'sandbox-sq0idb-abc',
      scope: 'MERCHANT_PROFILE_READ PAYMENTS_READ PAYMENTS_WRITE',
      state: pkce.state,
      code_challenge: pkce.challenge,
      redirect_uri: 'http://127.0.0.1:5000/square/callback',
    });
    expect(isAllowedAuthorizeUrl(url, 'sandbox', { allowLoopbackHttp: false })).toBe(true);
  });
});

describe('the authorize allowlist', () => {
  const q = '?client_id=sandbox-sq0idb-x&state=s&code_challenge=c';
  it.each([
    ['https://connect.squareupsandbox.com/oauth2/authorize', 'sandbox', true],
    ['https://connect.squareup.com/oauth2/authorize', 'production', true],
    ['https://connect.squareup.com/oauth2/authorize', 'sandbox', false],
    ['https://connect.squareupsandbox.com/oauth2/token', 'sandbox', false],
    ['https://connect.squareupsandbox.com:8443/oauth2/authorize', 'sandbox', false],
    ['https://user@connect.squareupsandbox.com/oauth2/authorize', 'sandbox', false],
    ['https://connect.squareupsandbox.com.evil.test/oauth2/authorize', 'sandbox', false],
    ['https://developer.squareup.com/oauth2/authorize', 'sandbox', false],
    ['http://connect.squareupsandbox.com/oauth2/authorize', 'sandbox', false],
    ['http://127.0.0.1:4000/oauth2/authorize', 'sandbox', false],
    ['javascript:alert(1)//connect.squareupsandbox.com/oauth2/authorize', 'sandbox', false],
  ] as const)('%s (%s): %s', (base, env, allowed) => {
    expect(isAllowedAuthorizeUrl(`${base}${q}`, env, { allowLoopbackHttp: false })).toBe(allowed);
  });

  it('loopback stand-ins only with the test option; PKCE parameters and no fragment required', () => {
    expect(
      isAllowedAuthorizeUrl(`http://127.0.0.1:4000/oauth2/authorize${q}`, 'sandbox', { allowLoopbackHttp: true }),
    ).toBe(true);
    expect(
      isAllowedAuthorizeUrl(`http://10.0.0.1:4000/oauth2/authorize${q}`, 'sandbox', { allowLoopbackHttp: true }),
    ).toBe(false);
    expect(
      isAllowedAuthorizeUrl('https://connect.squareupsandbox.com/oauth2/authorize?client_id=x&state=s', 'sandbox', {
        allowLoopbackHttp: false,
      }),
    ).toBe(false);
    expect(
      isAllowedAuthorizeUrl(`https://connect.squareupsandbox.com/oauth2/authorize${q}#frag`, 'sandbox', {
        allowLoopbackHttp: false,
      }),
    ).toBe(false);
  });
});

describe('the loopback listener', () => {
  const start = (signal = new AbortController().signal, timeoutMs = 2_000) =>
    listenForCallback({ state: 'the-state', timeoutMs, signal });

  it('listens on 127.0.0.1, ignores other paths and foreign Host headers, takes one answer, closes', async () => {
    const l = await start();
    const base = new URL(l.redirectUri);
    expect(base.hostname).toBe('127.0.0.1');
    expect((await fetch(new URL('/favicon.ico', base))).status).toBe(404);
    // fetch cannot forge Host; node:http can, as a DNS-rebinding page's request would arrive.
    const rebound = await new Promise<number>((resolve, reject) => {
      http
        .get(`${l.redirectUri}?state=the-state&code=x`, { headers: { Host: `evil.test:${base.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(rebound).toBe(400);
    const ok = await fetch(`${l.redirectUri}?state=the-state&code=sq0cgb-abc`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await l.code).toBe('sq0cgb-abc');
    await new Promise((r) => setTimeout(r, 20));
    await expect(fetch(`${l.redirectUri}?state=the-state&code=again`)).rejects.toThrow();
  });

  it('a wrong state or a denial ends it with a typed error', async () => {
    const forged = await start();
    expect((await fetch(`${forged.redirectUri}?state=other&code=x`)).status).toBe(400);
    await expect(forged.code).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/state did not match/),
    });
    const denied = await start();
    await fetch(`${denied.redirectUri}?state=the-state&error=access_denied&error_description=user_denied`);
    await expect(denied.code).rejects.toMatchObject({
      message: 'The seller did not allow access, so nothing was saved.',
    });
  });

  it('a timeout and a cancel end it too', async () => {
    const slow = await start(undefined, 50);
    await expect(slow.code).rejects.toBeInstanceOf(AppError);
    await expect(slow.code).rejects.toMatchObject({ code: 'VENDOR_TIMEOUT' });
    const abort = new AbortController();
    const cancelled = await start(abort.signal);
    abort.abort();
    await expect(cancelled.code).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/cancelled/),
    });
  });
});
