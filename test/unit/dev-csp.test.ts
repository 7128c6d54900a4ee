// The dev-server CSP relaxation must apply to `npm run dev` only, and only to the two directives
// React Refresh and Vite's websocket need; the built renderer keeps the strict policy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devServerCsp } from '../../electron.vite.config';
import { RENDERER_CSP } from '../../src-main/window';

describe('devServerCsp', () => {
  const plugin = devServerCsp();
  const html = readFileSync(path.resolve(__dirname, '../../src-renderer/index.html'), 'utf8');
  const transform = plugin.transformIndexHtml as (h: string) => string;

  it('runs on the dev server only, never in a build', () => {
    expect(plugin.apply).toBe('serve');
  });

  it('relaxes only script-src (inline preamble) and connect-src (HMR websocket)', () => {
    const out = transform(html);
    const csp = /content="([^"]+)"/.exec(out.slice(out.indexOf('Content-Security-Policy')))![1]!;
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:* http://localhost:*");
    const untouched = (p: string) =>
      p
        .split(';')
        .map((d) => d.trim())
        .filter((d) => !/^(script-src|connect-src)/.test(d));
    expect(untouched(csp)).toEqual(untouched(RENDERER_CSP));
    expect(csp).not.toContain('unsafe-eval');
  });
});
