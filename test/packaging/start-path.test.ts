// The stand-in Electron binary in this test exists only because the real one cannot be downloaded on
// these machines; everything else is real: `npm start` / `npm run dev` from package.json, Electron's own
// installer and @electron/get, electron-vite's build and launch, and a real HTTP mirror on 127.0.0.1.
//
// A fresh clone has no Electron binary (Electron >= 42 downloads it lazily and electron-vite never
// triggers that), so `npm start` must install it first. Run in a throwaway copy of the project, with
// ELECTRON_MIRROR pointed at the loopback mirror, remote checksums (the mirror's SHASUMS256.txt, since
// the stand-in's hash is not in electron's checksums.json) and a private download cache.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startElectronMirror, type ElectronMirror } from './helpers/electron-mirror';
import { copyProject, resetPackage } from './helpers/project-copy';
import { run, userEnv } from './helpers/run';
import { buildStandinRelease, ELECTRON_VERSION, LAUNCH_RECORD, ZIP_NAME } from './helpers/standin-electron';

const ROOT = resolve(__dirname, '../..');
const REAL_ELECTRON = join(ROOT, 'node_modules/electron');
const ZIP_PATH = `/v${ELECTRON_VERSION}/${ZIP_NAME}`;

let project = '';
let cacheRoot = '';
let mirror: ElectronMirror; // serves the stand-in release
let brokenMirror: ElectronMirror; // answers 404 to everything
const realInstallBefore = existsSync(join(REAL_ELECTRON, 'path.txt'));

interface LaunchRecord {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
}

function npmRun(script: 'start' | 'dev', from: ElectronMirror, cacheDir: string) {
  const env = userEnv({
    ELECTRON_MIRROR: from.url,
    electron_use_remote_checksums: '1',
    electron_config_cache: join(cacheRoot, cacheDir),
  });
  return run('npm', script === 'start' ? ['start'] : ['run', 'dev'], { cwd: project, env, timeoutMs: 90_000 });
}

function readLaunchRecord(): LaunchRecord {
  return JSON.parse(readFileSync(join(project, 'node_modules/electron/dist', LAUNCH_RECORD), 'utf8')) as LaunchRecord;
}

beforeAll(async () => {
  project = copyProject(ROOT);
  cacheRoot = mkdtempSync(join(tmpdir(), 'mk-electron-cache-'));
  const release = await buildStandinRelease();
  mirror = await startElectronMirror(ELECTRON_VERSION, { [ZIP_NAME]: release.zip, 'SHASUMS256.txt': release.shasums });
  brokenMirror = await startElectronMirror(ELECTRON_VERSION, {});
});

afterAll(async () => {
  await Promise.all([mirror?.close(), brokenMirror?.close()]);
  if (project !== '') rmSync(project, { recursive: true, force: true });
  if (cacheRoot !== '') rmSync(cacheRoot, { recursive: true, force: true });
});

describe('npm start on a fresh clone', () => {
  it('downloads Electron from the mirror, writes path.txt and launches it with the built main entry', async () => {
    const electronDir = join(project, 'node_modules/electron');
    expect(existsSync(join(electronDir, 'path.txt')), 'the copy starts without an Electron binary').toBe(false);
    const startedAt = Date.now();

    const result = await npmRun('start', mirror, 'start');

    expect(result.code, result.stderr).toBe(0);
    expect(mirror.requests).toContain(ZIP_PATH);
    expect(mirror.requests).toContain(`/v${ELECTRON_VERSION}/SHASUMS256.txt`);
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe('electron');

    // The stand-in ran from where path.txt points, with electron-vite's preview arguments.
    const record = readLaunchRecord();
    expect(record.cwd).toBe(project);
    expect(record.env['NODE_ENV_ELECTRON_VITE']).toBe('production');
    expect(record.env['ELECTRON_RENDERER_URL']).toBeUndefined(); // preview loads the built renderer, no dev server
    // Electron given a folder loads that folder's package.json "main": here the freshly built bundle.
    const appDir = resolve(record.cwd, record.argv[0] ?? '');
    expect(appDir).toBe(project);
    const main = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).main as string;
    const entry = resolve(appDir, main);
    expect(entry).toBe(join(project, 'out/main/index.js'));
    expect(statSync(entry).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1_000);
    expect(readFileSync(entry, 'utf8')).toContain('requestSingleInstanceLock');

    // The real checkout's electron package was not touched.
    expect(existsSync(join(REAL_ELECTRON, 'path.txt'))).toBe(realInstallBefore);
    expect(existsSync(join(REAL_ELECTRON, 'dist', LAUNCH_RECORD))).toBe(false);
  });

  it('when the download fails, prints one clear message (no stack trace) and exits non-zero', async () => {
    resetPackage(ROOT, project, 'electron');

    const result = await npmRun('start', brokenMirror, 'broken');

    expect(result.code).not.toBe(0);
    expect(brokenMirror.requests).toContain(ZIP_PATH);
    const message = result.stderr;
    expect(message).toContain(`Could not install the Electron ${ELECTRON_VERSION} binary`);
    expect(message).toContain(`the download answered 404 (Not Found) for ${brokenMirror.url.slice(0, -1)}${ZIP_PATH}`);
    for (const hint of ['ELECTRON_MIRROR', 'ELECTRON_GET_USE_PROXY=1', 'HTTPS_PROXY', 'npx install-electron']) {
      expect(message).toContain(hint);
    }
    expect(message).not.toMatch(/^\s+at /m); // no stack frames
    expect(message).not.toContain('Electron uninstall'); // electron-vite never ran
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('npm run dev installs Electron the same way, then launches it against the dev server', async () => {
    resetPackage(ROOT, project, 'electron');
    const before = mirror.requests.length;

    const result = await npmRun('dev', mirror, 'dev');

    expect(result.code, result.stderr).toBe(0);
    expect(mirror.requests.slice(before)).toContain(ZIP_PATH);
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    const record = readLaunchRecord();
    expect(record.argv[0]).toBe('.');
    expect(record.env['NODE_ENV_ELECTRON_VITE']).toBe('development');
    const devServer = new URL(record.env['ELECTRON_RENDERER_URL'] ?? 'x:');
    expect(devServer.hostname).toMatch(/^(localhost|127\.0\.0\.1|\[::1\])$/);
  });
});
