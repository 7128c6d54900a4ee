import { describe, expect, it } from 'vitest';
import { isTrustedSender, resolveDevServerUrl } from '../../src-main/window';

describe('isTrustedSender', () => {
  it.each(['app://renderer/index.html', 'app://renderer/', 'app://renderer', 'app://renderer/features/x?y=1#z'])(
    'trusts %s',
    (url) => {
      expect(isTrustedSender(url)).toBe(true);
    },
  );

  it.each([
    ['another app host', 'app://evil/index.html'],
    ['a look-alike host', 'app://renderer.evil/index.html'],
    ['a port on the app host', 'app://renderer:8080/index.html'],
    ['userinfo', 'app://user:pw@renderer/index.html'],
    ['userinfo naming the host', 'app://renderer@evil/index.html'],
    ['https with the host as a label', 'https://app.renderer/'],
    ['https', 'https://renderer/'],
    ['file://', 'file:///work/main/out/renderer/index.html'],
    ['the dev server when none is configured', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['devtools', 'devtools://devtools/bundled/index.html'],
    ['a prefix match', 'app://rendererx/'],
    ['upper-case host (Chromium lower-cases; anything else is not ours)', 'app://RENDERER/'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['garbage with the origin inside', 'xapp://renderer/'],
    ['a relative path', '/index.html'],
  ])('refuses %s', (_why, url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses undefined (a destroyed or navigated frame)', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(undefined, 'http://localhost:5173')).toBe(false);
  });

  it('trusts the dev server origin only when given, and only that exact origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://localhost.evil:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://x@localhost:5173/', dev)).toBe(false);
    expect(isTrustedSender('app://renderer/index.html', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', '')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', 'garbage')).toBe(false);
  });
});

describe('resolveDevServerUrl', () => {
  it('is ignored when packaged', () => {
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeUndefined();
  });

  it.each(['http://localhost:5173', 'http://127.0.0.1:5173/', 'http://[::1]:5173/', 'https://localhost:5173/'])(
    'accepts loopback %s in development',
    (url) => {
      expect(resolveDevServerUrl(url, false)).toBe(new URL(url).href);
    },
  );

  it.each([
    undefined,
    '',
    'garbage',
    'https://example.com/',
    'http://localhost.evil.com:5173/',
    'file:///tmp/index.html',
    'http://u@localhost:5173/',
  ])('refuses %s', (url) => {
    expect(resolveDevServerUrl(url, false)).toBeUndefined();
  });
});
