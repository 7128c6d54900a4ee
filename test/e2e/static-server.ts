// The built renderer (out/renderer) on 127.0.0.1, port 0, for Chromium. It is a thin HTTP adapter
// over the Electron shell's own app:// handler (src-main/protocol.ts), so the pages, headers and
// CSP the tests see are exactly what the packaged app serves.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME, serveAppRequest } from '../../src-main/protocol';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

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
    const { pathname, search } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/favicon.ico') {
      // Chromium asks for it on its own; the Electron window never does.
      res.writeHead(204).end();
      return;
    }
    const appUrl = `${APP_SCHEME}://${APP_HOST}${pathname === '/' ? '/index.html' : pathname}${search}`;
    serveAppRequest({ url: appUrl, method: req.method ?? 'GET' }, root)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the browser may keep connections alive
        server.close(() => resolve());
      }),
  };
}
