import { describe, expect, it } from 'vitest';
import { isAllowedDocsUrl, normalizeDocsUrl } from '../../src-main/links/docs-allowlist';

describe('isAllowedDocsUrl', () => {
  it.each([
    'https://docs.clover.com/docs/using-oauth-20',
    'https://community.clover.com/questions/123',
    'https://developer.squareup.com/docs/oauth-api/overview',
    'https://www.electronjs.org/docs/latest/tutorial/security',
    'https://docs.clover.com:443/docs', // the default port, written out
    'https://DOCS.CLOVER.COM/docs', // hosts are case-insensitive
    'https://developer.squareup.com/reference/square?x=1#payments',
  ])('allows %s', (url) => {
    expect(isAllowedDocsUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://docs.clover.com/docs'],
    ['another scheme', 'ftp://docs.clover.com/'],
    ['javascript:', 'javascript:alert(1)//docs.clover.com'],
    ['file:', 'file:///etc/passwd'],
    ['a subdomain', 'https://evil.docs.clover.com/'],
    ['a parent domain', 'https://clover.com/'],
    ['a sibling', 'https://www.clover.com/'],
    ['a suffix trick', 'https://docs.clover.com.evil.com/'],
    ['a trailing-dot host', 'https://docs.clover.com./'],
    ['electronjs without www', 'https://electronjs.org/docs'],
    ['squareup without developer', 'https://squareup.com/'],
    ['userinfo', 'https://user@docs.clover.com/'],
    ['userinfo that names the host', 'https://docs.clover.com@evil.com/'],
    ['user and password', 'https://a:b@docs.clover.com/'],
    ['a non-default port', 'https://docs.clover.com:8443/'],
    ['port 80 on https', 'https://docs.clover.com:80/'],
    ['a backslash', 'https://docs.clover.com\\@evil.com/'],
    ['leading whitespace', ' https://docs.clover.com/'],
    ['an embedded newline', 'https://docs.clover.com/\nx'],
    ['a tab', 'https://docs.clover\t.com/'],
    ['an IP address', 'https://13.33.0.1/'],
    ['an IDN look-alike', 'https://dоcs.clover.com/'], // Cyrillic о
    ['a relative URL', '/docs'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['an over-long URL', `https://docs.clover.com/${'a'.repeat(2100)}`],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedDocsUrl(url)).toBe(false);
  });

  it('refuses non-strings at runtime', () => {
    expect(normalizeDocsUrl(undefined)).toBeNull();
    expect(normalizeDocsUrl(42)).toBeNull();
    expect(normalizeDocsUrl({ toString: () => 'https://docs.clover.com/' })).toBeNull();
  });

  it('returns the canonical form to hand to the OS', () => {
    expect(normalizeDocsUrl('https://DOCS.clover.com:443/a/../docs?q=1')).toBe('https://docs.clover.com/docs?q=1');
  });
});
