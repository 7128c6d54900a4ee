import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG_SIZES, RESOURCES_DIR, renderIcons } from '../../scripts/build-icons.mjs';

describe('resources/ icons', () => {
  const rendered = renderIcons(readFileSync(join(RESOURCES_DIR, 'icon.svg')));

  it('are the committed output of `npm run icons` for the current icon.svg', () => {
    expect([...rendered.keys()].sort()).toEqual(
      [...PNG_SIZES.map((s) => `icons/${s}x${s}.png`), 'icon.icns', 'icon.ico'].sort(),
    );
    const stale = [...rendered].filter(([name, data]) => !readFileSync(join(RESOURCES_DIR, name)).equals(data));
    expect(
      stale.map(([name]) => name),
      'regenerate with `npm run icons` and commit',
    ).toEqual([]);
  });

  it.each(PNG_SIZES)('%i px PNG is %i px square', (size) => {
    const png = rendered.get(`icons/${size}x${size}.png`) ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
  });
});
