// The vendor host allowlist (DESIGN invariant 7): HTTPS to documented hosts only; plain HTTP only to
// loopback, and only when the core was created with the explicit test option.
import net from 'node:net';
import { z } from 'zod';
import type { Environment, Provider } from '@shared/contract';

export type ProviderId = z.infer<typeof Provider>;
export type EnvironmentId = z.infer<typeof Environment>;

/** Clover: platform REST, OAuth token endpoints, Ecommerce (scl), tokenization. Square: one host. */
export const SERVICES = {
  clover: ['platform', 'oauth', 'ecommerce', 'token'],
  square: ['connect'],
} as const;
export type CloverService = (typeof SERVICES.clover)[number];
export type SquareService = (typeof SERVICES.square)[number];
export type ServiceOf<P extends ProviderId> = P extends 'clover' ? CloverService : SquareService;

/** Clover production regions (clover-api.md §1). Sandbox has one host per service. */
export type Region = 'na' | 'eu' | 'la';

// clover-api.md §1 and square-api.md §1. `null` = not offered there (Ecommerce is US/CA only).
// Deliberately absent, though some Clover pages mention them (clover-api.md §1 "Inconsistencies"):
// `sandbox.dev.clover.com` for REST (older pages, launch checklist) and `api.clover.com/pakms`
// (a community post). The current reference table is official; the alternates are not.
// OAuth *authorize* hosts (sandbox.dev / www.*) are opened in the browser, never called by main.
type HostTable = Record<EnvironmentId, Record<string, Partial<Record<Region, string>>>>;
const HOSTS: Record<ProviderId, HostTable> = {
  clover: {
    sandbox: {
      platform: { na: 'apisandbox.dev.clover.com' },
      oauth: { na: 'apisandbox.dev.clover.com' },
      ecommerce: { na: 'scl-sandbox.dev.clover.com' },
      token: { na: 'token-sandbox.dev.clover.com' },
    },
    production: {
      platform: { na: 'api.clover.com', eu: 'api.eu.clover.com', la: 'api.la.clover.com' },
      oauth: { na: 'api.clover.com', eu: 'api.eu.clover.com', la: 'api.la.clover.com' },
      ecommerce: { na: 'scl.clover.com' },
      token: { na: 'token.clover.com' },
    },
  },
  square: {
    sandbox: { connect: { na: 'connect.squareupsandbox.com' } },
    production: { connect: { na: 'connect.squareup.com' } },
  },
};

/** Every host allowed for one provider + environment (all services, all regions). */
export function allowedHosts(provider: ProviderId, environment: EnvironmentId): ReadonlySet<string> {
  const byService = HOSTS[provider][environment];
  return new Set(Object.values(byService).flatMap((byRegion) => Object.values(byRegion)));
}

// ---- endpoint overrides (the core's `endpoints` option, for local stand-ins) ------------------
/** Keys: `provider.environment` (all services) or `provider.environment.service` (wins). */
export const ENDPOINT_KEYS = [
  ...(['sandbox', 'production'] as const).flatMap((env) => [
    `clover.${env}` as const,
    ...SERVICES.clover.map((s) => `clover.${env}.${s}` as const),
    `square.${env}` as const,
    ...SERVICES.square.map((s) => `square.${env}.${s}` as const),
  ]),
];
export type EndpointKey = (typeof ENDPOINT_KEYS)[number];
/** Values are base URLs (origin, optional path prefix). Whether one may be used is isAllowedUrl's call. */
export const EndpointOverrides = z.partialRecord(
  z.enum(ENDPOINT_KEYS as [EndpointKey, ...EndpointKey[]]),
  z.url({ protocol: /^https?$/ }),
);
export type EndpointOverrides = z.infer<typeof EndpointOverrides>;

export class UnsupportedServiceError extends Error {
  override readonly name = 'UnsupportedServiceError';
}

export function baseUrlFor<P extends ProviderId>(
  provider: P,
  environment: EnvironmentId,
  service: ServiceOf<P>,
  endpoints?: EndpointOverrides,
  region: Region = 'na',
): string {
  const override =
    endpoints?.[`${provider}.${environment}.${service}` as EndpointKey] ?? endpoints?.[`${provider}.${environment}`];
  if (override) return override.replace(/\/+$/, '');
  const host = HOSTS[provider][environment][service]?.[region];
  if (!host)
    throw new UnsupportedServiceError(`${provider} ${service} is not offered in ${environment} region ${region}`);
  return `https://${host}`;
}

// ---- the check -------------------------------------------------------------------------------
/** 127.0.0.0/8, ::1, localhost. Takes URL.hostname, which the WHATWG parser has normalised
 *  (e.g. `2130706433` and `0x7f.1` become `127.0.0.1`; IPv6 keeps its brackets). */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return net.isIPv4(hostname) && hostname.startsWith('127.');
}

export interface AllowOptions {
  allowLoopbackHttp: boolean;
}

export function isAllowedUrl(
  url: string,
  provider: ProviderId,
  environment: EnvironmentId,
  { allowLoopbackHttp }: AllowOptions,
): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Userinfo is never legitimate here and is the classic `allowed.host@evil.test` trick.
  if (u.username !== '' || u.password !== '') return false;
  if (u.protocol === 'https:') return u.port === '' && allowedHosts(provider, environment).has(u.hostname);
  if (u.protocol === 'http:') return allowLoopbackHttp && isLoopbackHost(u.hostname);
  return false;
}
