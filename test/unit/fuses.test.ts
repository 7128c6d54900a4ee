import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config';
import { ELECTRON_FUSES } from '../../packaging/fuses';

describe('ELECTRON_FUSES (checklist item 19)', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableCookieEncryption', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('%s = %s', (name, value) => {
    expect(ELECTRON_FUSES[name]).toBe(value);
  });

  it('sets nothing it does not assert (a new fuse must be reviewed here)', () => {
    expect(Object.keys(ELECTRON_FUSES).sort()).toEqual(
      [
        'enableCookieEncryption',
        'enableEmbeddedAsarIntegrityValidation',
        'enableNodeCliInspectArguments',
        'enableNodeOptionsEnvironmentVariable',
        'grantFileProtocolExtraPrivileges',
        'onlyLoadAppFromAsar',
        'runAsNode',
      ].sort(),
    );
  });

  it('names only fuses @electron/fuses knows (electron-builder maps each to its FuseV1Options entry)', () => {
    for (const name of Object.keys(ELECTRON_FUSES)) {
      const option = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      expect(FuseV1Options[option as keyof typeof FuseV1Options], name).toBeTypeOf('number');
    }
  });

  it('is what the electron-builder config flips, unchanged', () => {
    expect(config.electronFuses).toBe(ELECTRON_FUSES);
  });
});
