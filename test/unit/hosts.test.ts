import { describe, expect, it } from 'vitest';
import {
  EndpointOverrides,
  UnsupportedServiceError,
  allowedHosts,
  baseUrlFor,
  isAllowedUrl,
  isLoopbackHost,
  type EnvironmentId,
  type ProviderId,
} from '../../src-main/providers/http/hosts';

const strict = { allowLoopbackHttp: false };
const loose = { allowLoopbackHttp: true };

const VENDOR: Record<ProviderId, Record<EnvironmentId, string[]>> = {
  clover: {
    sandbox: ['apisandbox.dev.clover.com', 'scl-sandbox.dev.clover.com', 'token-sandbox.dev.clover.com'],
    production: ['api.clover.com', 'api.eu.clover.com', 'api.la.clover.com', 'scl.clover.com', 'token.clover.com'],
  },
  square: { sandbox: ['connect.squareupsandbox.com'], production: ['connect.squareup.com'] },
};
const other = (env: EnvironmentId): EnvironmentId => (env === 'sandbox' ? 'production' : 'sandbox');

describe('isAllowedUrl: vendor hosts', () => {
  for (const provider of ['clover', 'square'] as const) {
    for (const env of ['sandbox', 'production'] as const) {
      for (const host of VENDOR[provider][env]) {
        it(`${provider} ${env}: https://${host} allowed; not in the other environment; not over http`, () => {
          expect(isAllowedUrl(`https://${host}/v3/merchants/X?expand=owner`, provider, env, strict)).toBe(true);
          expect(isAllowedUrl(`https://${host}:443/x`, provider, env, strict)).toBe(true);
          expect(isAllowedUrl(`https://${host}/x`, provider, other(env), strict)).toBe(false);
          expect(isAllowedUrl(`https://${host}/x`, provider, other(env), loose)).toBe(false);
          expect(isAllowedUrl(`http://${host}/x`, provider, env, strict)).toBe(false);
          expect(isAllowedUrl(`http://${host}/x`, provider, env, loose)).toBe(false);
          expect(isAllowedUrl(`https://${host}:8443/x`, provider, env, strict)).toBe(false);
        });
      }
    }
  }

  it('keeps the allowlist exactly as documented', () => {
    expect([...allowedHosts('clover', 'sandbox')].sort()).toEqual([...VENDOR.clover.sandbox].sort());
    expect([...allowedHosts('clover', 'production')].sort()).toEqual([...VENDOR.clover.production].sort());
    expect([...allowedHosts('square', 'sandbox')]).toEqual(VENDOR.square.sandbox);
    expect([...allowedHosts('square', 'production')]).toEqual(VENDOR.square.production);
  });

  it('does not mix providers', () => {
    expect(isAllowedUrl('https://connect.squareup.com/v2/payments', 'clover', 'production', strict)).toBe(false);
    expect(isAllowedUrl('https://api.clover.com/v3/merchants/X', 'square', 'production', strict)).toBe(false);
  });

  it('refuses the undocumented / inconsistent Clover alternates (clover-api.md §1)', () => {
    expect(isAllowedUrl('https://sandbox.dev.clover.com/v3/merchants/X', 'clover', 'sandbox', strict)).toBe(false);
    expect(isAllowedUrl('https://www.clover.com/oauth/v2/token', 'clover', 'production', strict)).toBe(false);
  });
});

describe('isAllowedUrl: tricks', () => {
  const refused = [
    'https://connect.squareup.com.evil.test/v2/payments',
    'https://evilconnect.squareup.com/v2/payments',
    'https://connect.squareup.com@evil.test/v2/payments',
    'https://user:pass@connect.squareup.com/v2/payments',
    'https://connect.squareup.com./v2/payments',
    'https://connect.squareup.com%2eevil.test/',
    'https://evil.test/https://connect.squareup.com/',
    'https://evil.test/?u=https://connect.squareup.com',
    '//connect.squareup.com/v2/payments',
    '/v2/payments',
    'ftp://connect.squareup.com/',
    'data:text/plain,connect.squareup.com',
    'javascript:alert(1)',
    'not a url',
    '',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(isAllowedUrl(url, 'square', 'production', strict)).toBe(false);
      expect(isAllowedUrl(url, 'square', 'production', loose)).toBe(false);
    });
  }

  it('is case-insensitive on the host because the URL parser lowercases it', () => {
    expect(isAllowedUrl('HTTPS://CONNECT.SQUAREUP.COM/v2/locations', 'square', 'production', strict)).toBe(true);
  });
});

describe('isAllowedUrl: loopback over plain http', () => {
  const loopbacks = [
    'http://127.0.0.1:54321/v2',
    'http://127.8.9.10/x',
    'http://localhost:3000/',
    'http://[::1]:8080/',
    'http://2130706433/',
    'http://0x7f.1/',
  ];
  for (const url of loopbacks) {
    it(`${url}: only with allowLoopbackHttp`, () => {
      expect(isAllowedUrl(url, 'square', 'sandbox', strict)).toBe(false);
      expect(isAllowedUrl(url, 'square', 'sandbox', loose)).toBe(true);
      expect(isAllowedUrl(url, 'clover', 'production', loose)).toBe(true);
    });
  }
  const notLoopback = [
    'http://10.0.0.1/',
    'http://192.168.1.10/',
    'http://172.16.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0:8080/',
    'http://128.0.0.1/',
    'http://[::ffff:10.0.0.1]/',
    'http://localhost.evil.test/',
    'http://127.0.0.1.evil.test/',
    'http://127.0.0.1@evil.test/',
    'http://user:pw@127.0.0.1/',
    'https://127.0.0.1/',
  ];
  for (const url of notLoopback) {
    it(`${url}: refused even with allowLoopbackHttp`, () => {
      expect(isAllowedUrl(url, 'square', 'sandbox', loose)).toBe(false);
    });
  }

  it('isLoopbackHost takes normalised hostnames only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHost('::ffff:127.0.0.1')).toBe(false);
  });
});

describe('baseUrlFor', () => {
  it('returns the documented https base URLs', () => {
    expect(baseUrlFor('square', 'sandbox', 'connect')).toBe('https://connect.squareupsandbox.com');
    expect(baseUrlFor('square', 'production', 'connect')).toBe('https://connect.squareup.com');
    expect(baseUrlFor('clover', 'sandbox', 'platform')).toBe('https://apisandbox.dev.clover.com');
    expect(baseUrlFor('clover', 'sandbox', 'oauth')).toBe('https://apisandbox.dev.clover.com');
    expect(baseUrlFor('clover', 'sandbox', 'ecommerce')).toBe('https://scl-sandbox.dev.clover.com');
    expect(baseUrlFor('clover', 'sandbox', 'token')).toBe('https://token-sandbox.dev.clover.com');
    expect(baseUrlFor('clover', 'production', 'platform')).toBe('https://api.clover.com');
    expect(baseUrlFor('clover', 'production', 'platform', undefined, 'eu')).toBe('https://api.eu.clover.com');
    expect(baseUrlFor('clover', 'production', 'oauth', undefined, 'la')).toBe('https://api.la.clover.com');
    expect(baseUrlFor('clover', 'production', 'ecommerce')).toBe('https://scl.clover.com');
    expect(baseUrlFor('clover', 'production', 'token')).toBe('https://token.clover.com');
  });

  it('refuses services a region does not offer (Ecommerce is US/CA only)', () => {
    expect(() => baseUrlFor('clover', 'production', 'ecommerce', undefined, 'eu')).toThrow(UnsupportedServiceError);
    expect(() => baseUrlFor('clover', 'sandbox', 'platform', undefined, 'eu')).toThrow(UnsupportedServiceError);
  });

  it('uses overrides: provider.environment.service wins over provider.environment', () => {
    const endpoints = EndpointOverrides.parse({
      'square.sandbox': 'http://127.0.0.1:54321/',
      'clover.sandbox': 'http://127.0.0.1:1111',
      'clover.sandbox.ecommerce': 'http://127.0.0.1:2222',
    });
    expect(baseUrlFor('square', 'sandbox', 'connect', endpoints)).toBe('http://127.0.0.1:54321');
    expect(baseUrlFor('square', 'production', 'connect', endpoints)).toBe('https://connect.squareup.com');
    expect(baseUrlFor('clover', 'sandbox', 'platform', endpoints)).toBe('http://127.0.0.1:1111');
    expect(baseUrlFor('clover', 'sandbox', 'ecommerce', endpoints)).toBe('http://127.0.0.1:2222');
  });

  it('the override schema rejects unknown keys and non-http(s) URLs', () => {
    expect(EndpointOverrides.safeParse({ 'square.staging': 'http://127.0.0.1:1' }).success).toBe(false);
    expect(EndpointOverrides.safeParse({ 'square.sandbox.platform': 'http://127.0.0.1:1' }).success).toBe(false);
    expect(EndpointOverrides.safeParse({ 'square.sandbox': 'javascript:alert(1)' }).success).toBe(false);
    expect(EndpointOverrides.safeParse({ 'square.sandbox': 'not a url' }).success).toBe(false);
  });
});
