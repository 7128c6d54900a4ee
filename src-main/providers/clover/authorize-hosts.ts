// The hosts of Clover's browser authorize page (clover-api.md §1), kept apart from the docs
// allowlist (links/docs-allowlist.ts) and as strict: https, exact host, default port, no userinfo,
// the authorize path only. main opens these in the system browser and never calls them itself.
import type { Environment } from '@shared/vocabulary';
import { isLoopbackHost, type EndpointOverrides } from '../http/hosts';

const AUTHORIZE_HOSTS: Record<Environment, readonly string[]> = {
  sandbox: ['sandbox.dev.clover.com'],
  production: ['www.clover.com', 'www.eu.clover.com', 'www.la.clover.com'],
};
const PATH = '/oauth/v2/authorize';

/** Where the authorize page is: the stand-in's listener when the core was given one (tests). */
export function authorizeBase(environment: Environment, endpoints: EndpointOverrides | undefined): string {
  return endpoints?.[`clover.${environment}`] ?? `https://${AUTHORIZE_HOSTS[environment][0]}`;
}

/** True only for Clover's authorize page (plain-http loopback only with the test option). */
export function isAllowedAuthorizeUrl(url: string, o: { allowLoopbackHttp: boolean }): boolean {
  // Whitespace, controls and backslashes never appear in a real authorize URL; other parsers (the
  // OS handler) may read them differently than WHATWG does.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (url.length > 4096 || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username !== '' || u.password !== '' || u.pathname !== PATH || u.hash !== '') return false;
  if (u.protocol === 'http:') return o.allowLoopbackHttp && isLoopbackHost(u.hostname);
  const hosts = [...AUTHORIZE_HOSTS.sandbox, ...AUTHORIZE_HOSTS.production];
  return u.protocol === 'https:' && u.port === '' && hosts.includes(u.hostname);
}
