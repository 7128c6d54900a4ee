// A loopback Electron mirror: a real HTTP server on 127.0.0.1 (port chosen at run time) laid out like
// Electron's release downloads, `/v<version>/<file>`, which is what ELECTRON_MIRROR points at.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ElectronMirror {
  /** Base URL for ELECTRON_MIRROR (ends in /). */
  url: string;
  /** Every request path, in order, so a test can tell what was fetched. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` under /v<version>/; everything else (and everything, when `files` is empty) is 404. */
export async function startElectronMirror(
  version: string,
  files: Record<string, Buffer | string>,
): Promise<ElectronMirror> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    const prefix = `/v${version}/`;
    const body = path.startsWith(prefix) ? files[decodeURIComponent(path.slice(prefix.length))] : undefined;
    if (req.method !== 'GET' || body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
