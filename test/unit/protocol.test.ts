import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  contentTypeFor,
  handleAppProtocol,
  registerAppScheme,
  resolveAppRequest,
  serveAppRequest,
} from '../../src-main/protocol';
import { RENDERER_CSP_HEADER } from '../../src-main/window';

const ROOT = '/srv/app/out/renderer';

describe('resolveAppRequest', () => {
  it.each([
    ['app://renderer/index.html', 'index.html'],
    ['app://renderer/', 'index.html'],
    ['app://renderer', 'index.html'],
    ['app://renderer/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://renderer/assets/index.js?v=1#top', 'assets/index.js'],
    ['app://renderer/assets/my%20font.woff2', 'assets/my font.woff2'],
    ['app://renderer/assets/sub/', 'assets/sub/index.html'],
    // WHATWG resolves dot segments before we see them; what remains is still inside the root.
    ['app://renderer/assets/../index.html', 'index.html'],
    ['app://renderer/../../../etc/passwd', 'etc/passwd'],
    ['app://renderer/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    // An absolute path in the URL is taken relative to the root, never as a filesystem path.
    ['app://renderer//etc/passwd', 'etc/passwd'],
  ])('%s -> <root>/%s', (url, rel) => {
    expect(resolveAppRequest(url, ROOT)).toBe(path.join(ROOT, rel));
  });

  it.each([
    ['an encoded slash with ..', 'app://renderer/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded .. segment after decoding', 'app://renderer/a/%2e%2e%2f%2e%2e%2fsecret'],
    ['encoded backslashes', 'app://renderer/..%5c..%5csecret'],
    ['.. joined by an encoded slash', 'app://renderer/..%2f../x'],
    ['a NUL byte', 'app://renderer/index.html%00.png'],
    ['a drive letter', 'app://renderer/C:/Windows/win.ini'],
    ['a malformed escape', 'app://renderer/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://renderer.evil/index.html'],
    ['a port', 'app://renderer:1234/index.html'],
    ['userinfo', 'app://x@renderer/index.html'],
    ['another scheme', 'file:///srv/app/out/renderer/index.html'],
    ['https', 'https://renderer/index.html'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppRequest(url, ROOT)).toBeNull();
  });

  it('keeps a double-encoded %2e%2e as a literal file name inside the root', () => {
    expect(resolveAppRequest('app://renderer/%252e%252e/x', ROOT)).toBe(path.join(ROOT, '%2e%2e', 'x'));
  });

  it('contains Windows paths too (drive letters, UNC, backslashes)', () => {
    const win = path.win32;
    const root = 'C:\\app\\out\\renderer';
    expect(resolveAppRequest('app://renderer/index.html', root, win)).toBe('C:\\app\\out\\renderer\\index.html');
    expect(resolveAppRequest('app://renderer/..%5C..%5CWindows%5Cwin.ini', root, win)).toBeNull();
    expect(resolveAppRequest('app://renderer/C:%5CWindows%5Cwin.ini', root, win)).toBeNull();
    expect(resolveAppRequest('app://renderer/%5C%5Cserver%5Cshare%5Cx', root, win)?.startsWith(`${root}\\`)).toBe(true);
    expect(resolveAppRequest('app://renderer/D:/secret.txt', root, win)).toBeNull();
    expect(resolveAppRequest('app://renderer/index.html:secret', root, win)).toBeNull(); // an NTFS stream
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('serveAppRequest', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), 'mk-protocol-'));
    root = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(outside, 'do not serve');
  });
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const res = await get('app://renderer/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>x</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const res = await get('app://renderer/assets/app.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://renderer/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://renderer/missing.js',
    'app://renderer/assets', // a directory
    'app://renderer/..%2fsecret.txt',
    'app://renderer/%2e%2e%2fsecret.txt',
    'app://evil/index.html',
  ])('404s %s, still with the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('app://renderer/index.html', 'POST');
    expect(res.status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetchable, and nothing more', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme with serveAppRequest', async () => {
    const handle = vi.fn();
    handleAppProtocol({ handle }, '/nonexistent-root');
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (r: { url: string; method: string }) => Promise<Response>;
    expect((await handler({ url: 'app://renderer/index.html', method: 'GET' })).status).toBe(404);
  });
});
