// Three builds: main (Node, CJS), preload (sandboxed, so one self-contained CJS file that may only
// require 'electron'), renderer (React, served from out/renderer over app://).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = __dirname;
/** The one folder both sides compile (tsconfig `paths` says the same for the type checker). */
const alias = { '@shared': resolve(root, 'src-main/shared') };

/**
 * `npm run dev` only: the dev server injects React Refresh's inline preamble and talks to the page
 * over a websocket, both of which the app's CSP forbids. Relax exactly those two directives on the
 * dev server; the built renderer (npm start, packaged app, tests) keeps the strict policy.
 */
export const devServerCsp = (): Plugin => ({
  name: 'merchant-keychain-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* http://localhost:*"),
});

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/main'),
      // package.json dependencies stay in node_modules; keytar is native, so it is named as well
      // in case it ever moves out of `dependencies`.
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/index.ts') },
        external: ['keytar'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload has no require() for node_modules: bundle everything but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    resolve: { alias },
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified; the renderer is what Chromium parses on every start.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
