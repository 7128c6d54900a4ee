// The app:// scheme: serves the built renderer (out/renderer) instead of file://, which would let a
// page read any file (Electron security checklist item 18). Electron's protocol object is passed
// in, so this module has no runtime 'electron' import and the handler is testable under vitest.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CSP_HEADER } from './window';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * app://renderer/<path> -> absolute file path inside rootDir, or null. Decodes the path once and
 * refuses anything that could leave rootDir (`..`, `%2e%2e`, encoded separators, drive letters,
 * NUL), other hosts, ports and userinfo. `pathImpl` lets tests check Windows semantics anywhere.
 */
export function resolveAppRequest(
  requestUrl: string,
  rootDir: string,
  pathImpl: path.PlatformPath = path,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed %-escape
  }
  // NUL, and ':' (Windows drive letters, alternate data streams): never in a built asset name.
  if (/[\0:]/.test(decoded)) return null;
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';

  // Every segment, split on both separators, so `..\` cannot slip through on Windows.
  if (decoded.split(/[\\/]/).some((segment) => segment === '..')) return null;

  const root = pathImpl.resolve(rootDir);
  const target = pathImpl.resolve(root, `.${pathImpl.sep}${decoded.replace(/^[\\/]+/, '')}`);
  const relative = pathImpl.relative(root, target);
  if (relative === '' || relative.startsWith('..') || pathImpl.isAbsolute(relative)) return null;
  return target;
}

/** Must run before app 'ready': makes app:// a standard, secure origin that fetch() may use. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Builds the response for one app:// request; exported for tests. */
export async function serveAppRequest(request: Pick<Request, 'url' | 'method'>, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } });
  }
  const filePath = resolveAppRequest(request.url, rootDir);
  if (filePath === null) return notFound();
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return notFound(); // missing file or a directory
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(filePath) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** Call after app 'ready'. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir));
}
