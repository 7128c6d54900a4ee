// The one-time loopback listener the browser is redirected to after Clover's authorize page
// (RFC 8252 §7.3; Clover accepts loopback redirects on any port). 127.0.0.1 only, a port chosen
// at run time, GET /callback only, the first callback settles it (state checked in constant
// time), then it closes; it gives up after a timeout. The page it answers holds no secret.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../errors/app-error';

export interface Callback {
  code: string;
  merchantId: string;
  clientId: string | null;
}

export interface Loopback {
  redirectUri: string;
  /** Settles with the first callback (or the timeout / cancel). */
  result: Promise<Callback>;
  cancel(): void;
  close(): Promise<void>;
}

const page = (title: string, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`;

const sameState = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function startLoopback(o: { state: string; timeoutMs: number }): Promise<Loopback> {
  let settle!: { resolve: (c: Callback) => void; reject: (e: AppError) => void };
  const result = new Promise<Callback>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined); // the caller awaits it; an early timeout must not be "unhandled"
  let done = false;
  const finish = (f: () => void): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    f();
    server.close();
    server.closeAllConnections();
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, title: string, text: string): void => {
      // The URL carried a one-time code: no caching, no referrer to anywhere.
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(page(title, text));
    };
    if (req.method !== 'GET' || url.pathname !== '/callback' || done) return reply(404, 'Not found', 'Nothing here.');
    const q = url.searchParams;
    const state = q.get('state') ?? '';
    if (!sameState(state, o.state)) {
      reply(
        400,
        'Not connected',
        'This answer does not belong to the request Merchant Keychain made. Start again from the app.',
      );
      return finish(() =>
        settle.reject(
          new AppError(
            'INVALID_REQUEST',
            "The browser's answer did not match this connection (state mismatch), so it was refused and nothing was stored.",
            'Start Connect again from Merchant Keychain.',
          ),
        ),
      );
    }
    const code = q.get('code');
    const merchantId = q.get('merchant_id');
    if (q.get('error') || !code || !merchantId || !/^[A-Za-z0-9]{1,64}$/.test(merchantId) || code.length > 2048) {
      reply(400, 'Not connected', 'Clover did not grant access. You can close this tab.');
      return finish(() =>
        settle.reject(
          new AppError(
            'VENDOR_ERROR',
            'Clover did not grant access (no authorization code came back); nothing was stored.',
            'Try Connect again and choose Allow.',
          ),
        ),
      );
    }
    reply(200, 'Connected', 'Merchant Keychain received the answer. You can close this tab.');
    finish(() => settle.resolve({ code, merchantId, clientId: q.get('client_id') }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const timer = setTimeout(
    () =>
      finish(() =>
        settle.reject(
          new AppError(
            'VENDOR_TIMEOUT',
            `No answer came from the browser within ${Math.round(o.timeoutMs / 1000)} s; nothing was stored.`,
            'Start Connect again and finish it in the browser.',
          ),
        ),
      ),
    o.timeoutMs,
  );
  timer.unref?.();
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    result,
    cancel: () =>
      finish(() => settle.reject(new AppError('UNAVAILABLE', 'Connect was cancelled; nothing was stored.'))),
    close: () =>
      new Promise<void>((resolve) => {
        finish(() => settle.reject(new AppError('UNAVAILABLE', 'Connect was stopped; nothing was stored.')));
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
