// @ts-check
// Renders resources/icon.svg into every icon file the app and the packager use: `npm run icons`.
// resources/icons/NxN.png are the Linux desktop sizes (electron-builder's Linux icon set; 512 is also
// the window icon), icon.icns is macOS's, icon.ico Windows'. The outputs are committed; a unit test
// (test/unit/icons.test.ts) checks they still match what this renders from the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const RESOURCES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** @param {Buffer} svg @param {number} size */
function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * Every generated file, keyed by its path under resources/.
 * @param {Buffer} svg
 * @returns {Map<string, Buffer>}
 */
export function renderIcons(svg) {
  const files = new Map();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, renderPng(svg, size));
  const largest = files.get('icons/1024x1024.png');
  // png2icons scales the 1024 px render down to each layer. forWinExe: the .ico is embedded in the
  // installer and .exe, so layers under 64 px are BMP, which Windows before 10 needs (png2icons' docs).
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(largest, png2icons.BICUBIC, 0, false, true);
  if (icns === null || ico === null) throw new Error('png2icons could not convert the 1024 px icon');
  files.set('icon.icns', icns);
  files.set('icon.ico', ico);
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = renderIcons(readFileSync(join(RESOURCES_DIR, 'icon.svg')));
  for (const [name, data] of files) {
    const target = join(RESOURCES_DIR, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    console.log(`resources/${name} (${data.length} bytes)`);
  }
}
