// A stand-in for Electron's release zip, because the real ~100 MB binary cannot be downloaded on these
// machines. Its `electron` is a small Node script that records how it was launched and exits 0, and it
// carries Electron's fuse wire where @electron/fuses looks for it, so packaging can flip the fuses and
// a test can read them back. Nothing else of Electron is in it: no Chromium, no app is really run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const ELECTRON_VERSION: string = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
).version;

/** The file @electron/get asks a mirror for: `${mirror}v${version}/${ZIP_NAME}`. */
export const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;

/** Written by the stand-in next to itself: argv, cwd and the Electron-related environment. */
export const LAUNCH_RECORD = 'launch-record.json';

// The fuse wire as Electron embeds it and @electron/fuses reads it (src/constants.ts, src/index.ts):
// the sentinel, one byte of wire version (1), one byte of wire length, then one byte per fuse, '0'
// (0x30) off or '1' (0x31) on. Electron's defaults, in FuseV1Options order, from its docs/tutorial/fuses.md:
// runAsNode on, cookieEncryption off, nodeOptions on, nodeCliInspect on, embeddedAsarIntegrityValidation
// off, onlyLoadAppFromAsar off, loadBrowserProcessSpecificV8Snapshot off,
// grantFileProtocolExtraPrivileges on, wasmTrapHandlers on.
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const DEFAULT_FUSE_STATES = '101100011';
const FUSE_WIRE = `${FUSE_SENTINEL}\x01${String.fromCharCode(DEFAULT_FUSE_STATES.length)}${DEFAULT_FUSE_STATES}`;

// Only ELECTRON_* and the electron-vite variables are recorded: the full environment could hold secrets.
const STANDIN_SCRIPT = `#!/usr/bin/env node
// Stand-in for the Electron ${ELECTRON_VERSION} binary (test/packaging/helpers/standin-electron.ts).
// fuse wire: ${FUSE_WIRE}
const fs = require('node:fs');
const path = require('node:path');
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(ELECTRON_|NODE_ENV_ELECTRON_VITE$|NODE_OPTIONS$)/.test(k)),
);
const record = { argv: process.argv.slice(2), cwd: process.cwd(), env };
fs.writeFileSync(path.join(__dirname, '${LAUNCH_RECORD}'), JSON.stringify(record, null, 2));
`;

export interface StandinRelease {
  zip: Buffer;
  /** The mirror's SHASUMS256.txt, in Electron's format: `<sha256> *<file name>`. */
  shasums: string;
}

export function buildStandinRelease(): Promise<StandinRelease> {
  const zipFile = new yazl.ZipFile();
  const mtime = new Date('2025-01-01T00:00:00Z'); // fixed, so the zip and its checksum are stable
  zipFile.addBuffer(Buffer.from(STANDIN_SCRIPT, 'latin1'), 'electron', { mode: 0o100755, mtime });
  zipFile.addBuffer(Buffer.from(`${ELECTRON_VERSION}`), 'version', { mtime });
  zipFile.addBuffer(Buffer.from('Stand-in for tests; not Electron.\n'), 'LICENSE', { mtime });
  zipFile.addBuffer(Buffer.from('stand-in'), 'resources/default_app.asar', { mtime });
  zipFile.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zipFile.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zipFile.outputStream.on('error', reject);
    zipFile.outputStream.on('end', () => {
      const zip = Buffer.concat(chunks);
      const sha = createHash('sha256').update(zip).digest('hex');
      resolve({ zip, shasums: `${sha} *${ZIP_NAME}\n` });
    });
  });
}
