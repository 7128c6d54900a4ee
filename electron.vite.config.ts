// Three builds: main (Node, CJS), preload (sandboxed, so one self-contained CJS file that may only
// require 'electron'), renderer (React, served from out/renderer over app://).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified; the renderer is what Chromium parses on every start.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
