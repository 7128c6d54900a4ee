import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config';

const ROOT = resolve(__dirname, '../..');
const targets = (t: unknown): string[] =>
  (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x.target));

describe('electron-builder.config.ts', () => {
  it('names the app', () => {
    expect(config.appId).toBe('dev.merchantkeychain.app');
    expect(config.productName).toBe('Merchant Keychain');
  });

  it('builds AppImage + deb, dmg and NSIS into dist/', () => {
    expect(targets(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(config.linux?.category).toBe('Development');
    expect(config.directories?.output).toBe('dist');
  });

  it('packs into an asar with native modules unpacked, and never a source map', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const outputs = ['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'];
    expect(config.files).toEqual(expect.arrayContaining(outputs));
    // Nothing but out/ and the window icon from the project itself (dependencies are added by electron-builder).
    const included = (config.files as string[]).filter((p) => !p.startsWith('!'));
    expect(included.every((p) => p.startsWith('out/') || p.startsWith('resources/'))).toBe(true);
  });

  it('points at icon files that exist and are what each platform expects', () => {
    const linuxIcons = join(ROOT, String(config.linux?.icon));
    const sizes = readdirSync(linuxIcons).filter((f) => /^\d+x\d+\.png$/.test(f));
    const desktopSizes = [16, 32, 48, 128, 256, 512].map((s) => `${s}x${s}.png`);
    expect(sizes).toEqual(expect.arrayContaining(desktopSizes));
    const icns = readFileSync(join(ROOT, String(config.mac?.icon)));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(join(ROOT, String(config.win?.icon)));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)
    const layers = ico.readUInt16LE(4);
    const widths = Array.from({ length: layers }, (_, i) => ico[6 + i * 16] || 256); // 0 means 256
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(existsSync(join(ROOT, 'resources/icons/512x512.png'))).toBe(true);
  });
});
