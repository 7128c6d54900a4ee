// The authorize-page allowlist (providers/clover/authorize-hosts.ts): as strict as the docs list.
import { describe, expect, it } from 'vitest';
import { authorizeBase, isAllowedAuthorizeUrl } from '../../src-main/providers/clover/authorize-hosts';

const strict = { allowLoopbackHttp: false };

describe('isAllowedAuthorizeUrl', () => {
  it.each([
    'https://sandbox.dev.clover.com/oauth/v2/authorize?client_id=RKAPPID123S9C&state=x',
    'https://www.clover.com/oauth/v2/authorize?client_id=A',
    'https://www.eu.clover.com/oauth/v2/authorize',
    'https://www.la.clover.com/oauth/v2/authorize',
  ])('allows %s', (url) => expect(isAllowedAuthorizeUrl(url, strict)).toBe(true));

  it.each([
    ['another path', 'https://sandbox.dev.clover.com/oauth/v2/token'],
    ['http', 'http://sandbox.dev.clover.com/oauth/v2/authorize'],
    ['a port', 'https://sandbox.dev.clover.com:8443/oauth/v2/authorize'],
    ['userinfo', 'https://sandbox.dev.clover.com@evil.test/oauth/v2/authorize'],
    ['a look-alike host', 'https://sandbox.dev.clover.com.evil.test/oauth/v2/authorize'],
    ['a sub-domain', 'https://x.www.clover.com/oauth/v2/authorize'],
    ['the docs host', 'https://docs.clover.com/oauth/v2/authorize'],
    ['a fragment', 'https://www.clover.com/oauth/v2/authorize#x'],
    ['a space', 'https://www.clover.com/oauth/v2/authorize?x= y'],
    ['a backslash', 'https://www.clover.com\\@evil.test/oauth/v2/authorize'],
    ['javascript', 'javascript:alert(1)'],
    ['loopback without the test option', 'http://127.0.0.1:5000/oauth/v2/authorize'],
  ])('refuses %s', (_what, url) => expect(isAllowedAuthorizeUrl(url, strict)).toBe(false));

  it('allows plain-http loopback only with the test option', () => {
    expect(isAllowedAuthorizeUrl('http://127.0.0.1:5000/oauth/v2/authorize', { allowLoopbackHttp: true })).toBe(true);
    expect(isAllowedAuthorizeUrl('http://10.0.0.1:5000/oauth/v2/authorize', { allowLoopbackHttp: true })).toBe(false);
  });
});

describe('authorizeBase', () => {
  it('is the documented host, or the stand-in when the core was given one', () => {
    expect(authorizeBase('sandbox', undefined)).toBe('https://sandbox.dev.clover.com');
    expect(authorizeBase('production', {})).toBe('https://www.clover.com');
    expect(authorizeBase('sandbox', { 'clover.sandbox': 'http://127.0.0.1:1234' })).toBe('http://127.0.0.1:1234');
  });
});
