// The redirect target of a desktop OAuth sign-in: a listener on 127.0.0.1 (never 0.0.0.0) for
// exactly one answer on its callback path, checked against the state we sent, then closed. A
// wrong state, a wrong Host header (DNS rebinding), a denial, a timeout or a cancel ends it with a
// typed error. Its pages tell the person in the browser what happened, and leak nothing onward.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors/app-error';

export const CALLBACK_PATH = '/square/callback';

export interface CallbackListener {
  redirectUri: string;
  /** Resolves with the authorization code; rejects with an AppError. Settles once. */
  code: Promise<string>;
  close(): void;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
};

function page(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant ` +
      `Keychain</title></head><body><p>${text}</p></body></html>`,
  );
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function listenForCallback(o: {
  port?: number;
  state: string;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<CallbackListener> {
  let settle: { ok(code: string): void; fail(e: AppError): void } | null = null;
  const code = new Promise<string>((ok, fail) => (settle = { ok, fail }));
  code.catch(() => undefined); // the caller awaits it; never an unhandled rejection
  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.host !== `127.0.0.1:${port}`) return page(res, 400, 'Unexpected host.');
    if (url.pathname !== CALLBACK_PATH) return page(res, 404, 'Not found.');
    if (req.method !== 'GET') return page(res, 405, 'Method not allowed.');
    if (!settle) return page(res, 410, 'This sign-in is already over. Start again from Merchant Keychain.');
    const state = url.searchParams.get('state') ?? '';
    const error = url.searchParams.get('error');
    const got = url.searchParams.get('code');
    if (!sameText(state, o.state)) {
      page(
        res,
        400,
        'This answer was not for the sign-in Merchant Keychain started, so it was refused. Start again from the app.',
      );
      return finish(
        new AppError(
          'CONFLICT',
          "The answer from Square's sign-in page was not for this request (its state did not match), so it " +
            'was refused and nothing was saved.',
          'Start Connect again. If this repeats, another program may be answering on the callback address.',
        ),
      );
    }
    if (error !== null || !got) {
      page(res, 200, 'Access was not granted. You can close this tab.');
      const denied = error === 'access_denied';
      return finish(
        new AppError(
          'CONFLICT',
          denied
            ? 'The seller did not allow access, so nothing was saved.'
            : `Square's sign-in page answered with an error (${(error ?? 'no code').slice(0, 60)}); nothing was saved.`,
          denied ? null : "Check the application's Redirect URL and scopes in the Developer Console.",
        ),
      );
    }
    page(res, 200, 'Merchant Keychain received the authorization. You can close this tab.');
    return finish(null, got);
  });
  function finish(e: AppError | null, value?: string): void {
    const s = settle;
    settle = null;
    clearTimeout(timer);
    o.signal.removeEventListener('abort', onAbort);
    // Let this answer reach the browser, then stop listening.
    setImmediate(() => {
      server.close();
      server.closeAllConnections();
    });
    if (!s) return;
    if (e) s.fail(e);
    else s.ok(value ?? '');
  }
  const onAbort = (): void =>
    finish(new AppError('CONFLICT', 'Connecting to Square was cancelled; nothing was saved.'));
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new AppError(
          'CONFLICT',
          e.code === 'EADDRINUSE'
            ? `Port ${o.port} on 127.0.0.1 is in use, so Square's answer cannot be received there.`
            : "Could not listen on 127.0.0.1 for Square's answer.",
          'Close the program using that port, or register another Redirect URL port.',
        ),
      ),
    );
    server.listen(o.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const timer = setTimeout(
    () =>
      finish(
        new AppError(
          'VENDOR_TIMEOUT',
          `No answer came back from Square's sign-in page within ${Math.round(o.timeoutMs / 1000)} seconds; ` +
            `nothing was saved.`,
          `Square sends the seller back to the application's registered Redirect URL: it must be exactly ` +
            `http://127.0.0.1:${port}${CALLBACK_PATH}.`,
        ),
      ),
    o.timeoutMs,
  );
  timer.unref?.();
  if (o.signal.aborted) onAbort();
  else o.signal.addEventListener('abort', onAbort, { once: true });
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    code,
    close: () => finish(new AppError('CONFLICT', 'Connecting to Square was stopped; nothing was saved.')),
  };
}
