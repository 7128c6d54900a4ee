// bridge-entry.ts bundled (esbuild) into one IIFE string for page.addInitScript: used by the
// end-to-end fixture and the benchmark, so both run the preload's own bridge code.
import path from 'node:path';
import { buildSync } from 'esbuild';

export const BRIDGE_ENTRY = path.join(__dirname, 'bridge-entry.ts');

let bundled: string | null = null;

export function bridgeBundle(): string {
  bundled ??= buildSync({
    entryPoints: [BRIDGE_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: path.join(__dirname, '../../tsconfig.node.json'), // the `@shared/*` alias
  }).outputFiles[0]!.text;
  return bundled;
}
