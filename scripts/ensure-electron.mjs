// @ts-check
// `npm start` and `npm run dev` run this before electron-vite. Since Electron 42 the electron package
// has no postinstall and fetches its binary lazily; electron-vite reads node_modules/electron/path.txt
// without ever triggering that, so a fresh clone stops with "Electron uninstall". Electron's own
// installer (`install-electron`, idempotent: it exits at once when the binary is there) fixes that;
// this wrapper only turns its stack trace into one message a person can act on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * URLs in messages lose any user:password and query (a mirror URL can carry credentials).
 * @param {string} text
 */
export function redactUrls(text) {
  return text.replace(/\b(https?:\/\/)[^\s/@]*@/gi, '$1').replace(/(\bhttps?:\/\/[^\s?#]*)[?#]\S*/gi, '$1');
}

/**
 * The one message shown when the installer failed: what failed and what to do. `stderr` is the
 * installer's output (a stack trace); only its first line is used, never the frames.
 * @param {{ stderr: string, version: string, mirror: string | undefined }} failure
 */
export function describeFailure({ stderr, version, mirror }) {
  const firstLine = redactUrls(
    stderr
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no output',
  );
  const http = /Response code (\d+) \(([^)]*)\) for (\S+)/.exec(firstLine);
  const source = mirror
    ? `the mirror in ELECTRON_MIRROR (${redactUrls(mirror)})`
    : "Electron's release downloads (GitHub)";
  let what;
  if (http) what = `the download answered ${http[1]} (${http[2]}) for ${http[3]}`;
  else if (/fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EAI_AGAIN|certificate/i.test(firstLine)) {
    what = `could not connect to ${source} (offline, DNS, a proxy or a firewall): ${firstLine}`;
  } else if (/checksum/i.test(firstLine)) {
    what = `the downloaded file did not match Electron's published SHA-256 checksum: ${firstLine}`;
  } else what = firstLine;
  return [
    `Could not install the Electron ${version} binary that \`npm start\` needs (downloaded once per install).`,
    `  What failed: ${what}`,
    '  What to do:',
    '    - Behind a proxy: set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY=http://host:port (NO_PROXY lists',
    '      exceptions), then run the command again.',
    `    - Host blocked, or a company mirror: set ELECTRON_MIRROR to the mirror's base URL, ending in /`,
    `      (the folder that holds v${version}/).`,
    '    - Then retry with `npx install-electron` (same settings); once it succeeds, `npm start` starts.',
  ].join('\n');
}

/** Runs Electron's installer; returns the process exit code for this script. */
export function ensureElectron() {
  const require = createRequire(import.meta.url);
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    console.error('The electron package is not installed: run `npm install` first.');
    return 1;
  }
  const electronDir = dirname(installer);
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  if (!existsSync(join(electronDir, 'path.txt'))) {
    console.log(`Installing the Electron ${version} binary (first start only)...`);
  }
  // stderr is captured: on failure it holds a stack trace, replaced by describeFailure's message.
  const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (run.status === 0) return 0;
  const stderr = run.error ? String(run.error.message) : (run.stderr ?? '');
  const mirror = process.env['ELECTRON_MIRROR'] || process.env['npm_config_electron_mirror'] || undefined;
  console.error(describeFailure({ stderr, version, mirror }));
  return 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = ensureElectron();
}
