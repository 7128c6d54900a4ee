// A tiny static server for the built renderer (out/renderer) on 127.0.0.1, port 0, sending the
// same CSP as the Electron shell (src-main/window.ts), so a CSP violation shows up in the tests.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { RENDERER_CSP_HEADER } from '../../src-main/window';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

/** The header the Electron shell's app:// protocol sends (src-main/protocol.ts). */
export const E2E_CSP = RENDERER_CSP_HEADER;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string = RENDERER_DIR): Promise<StaticServer> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `${path.relative(process.cwd(), root)}/index.html is missing: build the renderer first (npx electron-vite build; npm test does it).`,
    );
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own; the Electron window never does.
      res.writeHead(204, { 'content-security-policy': E2E_CSP });
      res.end();
      return;
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': E2E_CSP });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': E2E_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
