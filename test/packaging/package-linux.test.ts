// The stand-in Electron binary in this test exists only because the real one cannot be downloaded on
// these machines. Real: electron-builder with electron-builder.config.ts, its download of Electron from
// a loopback mirror (HTTP on 127.0.0.1), @electron/fuses flipping the fuse wire, the asar it writes.
//
// `electron-builder --dir` for linux-x64 (the unpacked app every Linux installer is made from), then
// the packed app is read back. What only the real binary could show, and this cannot: that Electron
// honours the flipped fuses at run time, that the app starts from app.asar and loads keytar's .node,
// and the macOS/Windows steps (fuses in the .app framework, asar integrity in Info.plist / the .exe,
// signing, dmg/NSIS/AppImage/deb, which need tools electron-builder downloads).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_FUSES } from '../../packaging/fuses';
import { startElectronMirror, type ElectronMirror } from './helpers/electron-mirror';
import { run, userEnv } from './helpers/run';
import { buildStandinRelease, DEFAULT_FUSE_STATES, ELECTRON_VERSION, ZIP_NAME } from './helpers/standin-electron';

const ROOT = resolve(__dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const ENABLE = 0x31; // '1' in the fuse wire
const DISABLE = 0x30; // '0'

let work = '';
let mirror: ElectronMirror | undefined;
let appDir = '';
let asarPath = '';
let entries: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mk-pack-'));
  // npm test builds out/ first; a lone `vitest run --project packaging` builds it here.
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    const build = await run('npx', ['electron-vite', 'build'], { cwd: ROOT, env: process.env, timeoutMs: 60_000 });
    if (build.code !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  }
  const release = await buildStandinRelease();
  mirror = await startElectronMirror(ELECTRON_VERSION, { [ZIP_NAME]: release.zip, 'SHASUMS256.txt': release.shasums });
  const env = userEnv({
    ELECTRON_MIRROR: mirror.url,
    // Any helper tool electron-builder might fetch (AppImage, fpm, NSIS...) would come from this mirror
    // too, so it can never reach the internet; the test checks nothing but Electron was asked for.
    ELECTRON_BUILDER_BINARIES_MIRROR: mirror.url,
    electron_config_cache: join(work, 'electron-cache'),
    ELECTRON_BUILDER_CACHE: join(work, 'builder-cache'),
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  });
  const args = ['electron-builder', '--config', 'electron-builder.config.ts', '--dir', '--linux', '--x64'];
  const result = await run('npx', [...args, `-c.directories.output=${join(work, 'dist')}`], {
    cwd: ROOT,
    env,
    timeoutMs: 100_000,
  });
  if (result.code !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  appDir = join(work, 'dist', 'linux-unpacked');
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/'));
}, 150_000);

afterAll(async () => {
  await mirror?.close();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir, linux-x64', () => {
  it('downloaded Electron from the mirror and nothing else', () => {
    const asked = new Set(mirror?.requests);
    const expected = [`/v${ELECTRON_VERSION}/${ZIP_NAME}`, `/v${ELECTRON_VERSION}/SHASUMS256.txt`];
    expect([...asked].sort()).toEqual(expected.sort());
  });

  it('packs the electron-vite output: out/main, out/preload, out/renderer, as built', () => {
    for (const dir of ['/out/main', '/out/preload', '/out/renderer']) {
      expect(
        entries.some((e) => e.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);
    }
    const main = JSON.parse(extractFile(asarPath, 'package.json').toString()).main as string;
    expect(posix.normalize(`/${main}`)).toBe('/out/main/index.js');
    for (const file of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(extractFile(asarPath, file).equals(readFileSync(join(ROOT, file))), file).toBe(true);
    }
  });

  it('packs only the app and its production dependencies: no sources, tests, benchmarks or source maps', () => {
    const topLevel = new Set(entries.map((e) => e.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources']);
    const offending = entries.filter(
      (e) =>
        /\/(test|tests|__tests__|bench|benchmarks?|src-main|src-renderer)(\/|$)/.test(e) ||
        /\.map$|\.(test|spec)\.[cm]?[jt]sx?$|\/(test|bench)(-[^/]*)?\.[cm]?js$/.test(e),
    );
    expect(offending).toEqual([]);
    const modules = new Set(entries.filter((e) => /^\/node_modules\/[^/]+$/.test(e)).map((e) => e.split('/')[2]));
    for (const dep of Object.keys(PKG.dependencies)) expect(modules.has(dep), dep).toBe(true);
    for (const dev of Object.keys(PKG.devDependencies)) {
      expect(modules.has(dev) || entries.includes(`/node_modules/${dev}`), `devDependency ${dev}`).toBe(false);
    }
    const packedPkg = JSON.parse(extractFile(asarPath, 'package.json').toString());
    expect(packedPkg.devDependencies).toBeUndefined();
    expect(packedPkg.scripts).toBeUndefined();
  });

  it("unpacks keytar's native module from the asar, byte for byte the one npm built", () => {
    const inAsar = 'node_modules/keytar/build/Release/keytar.node';
    expect(statFile(asarPath, inAsar)).toMatchObject({ unpacked: true });
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', inAsar);
    expect(readFileSync(unpacked).equals(readFileSync(join(ROOT, inAsar)))).toBe(true);
    expect(readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });

  it('puts the window icon where the built main process looks for it', () => {
    const iconRef = /['"`](\.\.\/\.\.\/resources\/icons\/\d+x\d+\.png)['"`]/.exec(
      readFileSync(join(ROOT, 'out/main/index.js'), 'utf8'),
    )?.[1];
    expect(iconRef, 'out/main/index.js names its window icon').toBeDefined();
    const inAsar = posix.join('/out/main', iconRef ?? '');
    expect(entries).toContain(inAsar);
    expect(extractFile(asarPath, inAsar.slice(1)).equals(readFileSync(join(ROOT, inAsar.slice(1))))).toBe(true);
  });

  it('flips every fuse in packaging/fuses.ts and leaves the others at Electron defaults', async () => {
    const binary = join(appDir, 'merchant-keychain');
    expect(statSync(binary).mode & 0o111).not.toBe(0);
    const wire = await getCurrentFuseWire(binary);
    expect(wire.version).toBe('1');
    const configured = new Set<number>();
    for (const [name, on] of Object.entries(ELECTRON_FUSES)) {
      const index = FuseV1Options[(name[0]?.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options];
      expect(index, `${name} is a fuse @electron/fuses knows`).toBeTypeOf('number');
      configured.add(index);
      expect(wire[index], name).toBe(on ? ENABLE : DISABLE);
    }
    for (let i = 0; i < DEFAULT_FUSE_STATES.length; i++) {
      if (!configured.has(i)) expect(wire[i as FuseV1Options], `fuse ${i}`).toBe(DEFAULT_FUSE_STATES.charCodeAt(i));
    }
  });
});
