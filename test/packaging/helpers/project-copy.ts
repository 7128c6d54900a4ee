// A throwaway copy of the project that `npm start` can run in without touching the real checkout.
// Project files are copied; node_modules entries are symlinked to the real ones, except the two
// packages whose own folder matters: `electron` (install-electron writes dist/ and path.txt into it,
// so the copy starts without either) and `electron-vite` (it finds electron relative to itself).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Generated or machine-local: never part of a fresh clone. */
const SKIP_AT_ROOT = new Set([
  'node_modules',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  '.git',
  '.vitest-cache',
]);
const COPIED_PACKAGES = new Set(['electron', 'electron-vite']);

export function copyProject(root: string): string {
  const dest = mkdtempSync(join(tmpdir(), 'mk-start-'));
  for (const entry of readdirSync(root)) {
    if (!SKIP_AT_ROOT.has(entry)) cpSync(join(root, entry), join(dest, entry), { recursive: true });
  }
  const realModules = join(root, 'node_modules');
  const modules = join(dest, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(realModules)) {
    const from = join(realModules, entry);
    if (entry === '.bin') {
      // Same relative links (../electron/install.js, ...) so each bin runs the copy's package.
      mkdirSync(join(modules, '.bin'));
      for (const bin of readdirSync(from)) symlinkSync(readlinkSync(join(from, bin)), join(modules, '.bin', bin));
    } else if (COPIED_PACKAGES.has(entry)) {
      resetPackage(root, dest, entry);
    } else {
      symlinkSync(from, join(modules, entry));
    }
  }
  return dest;
}

/** (Re)copies one package from the real node_modules, leaving out anything install-electron wrote. */
export function resetPackage(root: string, dest: string, name: string): void {
  const source = join(root, 'node_modules', name);
  const installed = name === 'electron' ? new Set([join(source, 'dist'), join(source, 'path.txt')]) : new Set();
  const target = join(dest, 'node_modules', name);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true, filter: (src) => !installed.has(src) });
}
