// Issue #7, "Import limits that hold" and deceptive labels: a byte-capped read (a /proc file
// reports size 0), unreadable files answer FILE_INVALID with the reason, a UTF-8 BOM is accepted,
// and labels are NFC-normalised with control, invisible and text-direction characters refused.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES, readImportFile } from '../../src-main/vault/import-file';
import { startCore, type CoreFixture } from '../helpers/core-fixture';

const run = promisify(execFile);
const TOKEN = 'EAAAimportLimits0123456789abcdefghijklmnop';

let f: CoreFixture;
beforeEach(async () => (f = await startCore()));
afterEach(async () => f.cleanup());

async function importPath(file: string) {
  f.setDialogFile(file);
  return f.raw('credentials.importFromFile', {});
}

describe('the 256 KB limit is a byte cap on the read, not a stat check', () => {
  it('a /proc file that reports size 0 but holds megabytes is refused, without reading it all', async () => {
    const big = '/proc/kallsyms';
    const stat = await fs.stat(big);
    expect(stat.size).toBe(0); // the precondition that fooled the stat check
    const r = await importPath(big);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FILE_INVALID', message: expect.stringContaining('larger than 256 KB') },
    });
  });

  it('a file just under the cap is read; one byte over is refused', async () => {
    const ok = path.join(f.dataDir, 'ok.env');
    const line = `SQUARE_ACCESS_TOKEN=${TOKEN}\n`;
    await fs.writeFile(ok, line + '#'.repeat(MAX_IMPORT_FILE_BYTES - line.length));
    expect((await importPath(ok)).ok).toBe(true);
    await fs.appendFile(ok, '#');
    expect(await importPath(ok)).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
  });
});

describe('unreadable files answer FILE_INVALID with the reason', () => {
  it('a mode-000 file and a link to one, read by an ordinary user', async () => {
    // Root reads anything: as root, the child runs without the capabilities that bypass file
    // permissions (util-linux setpriv), so it reads as an ordinary user would.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mk-unreadable-'));
    await fs.chmod(dir, 0o755);
    const file = path.join(dir, 'secret.env');
    await fs.writeFile(file, `SQUARE_ACCESS_TOKEN=${TOKEN}\n`, { mode: 0o000 });
    await fs.chmod(file, 0o000);
    const link = path.join(dir, 'link.env');
    await fs.symlink(file, link);
    const probe = path.resolve(__dirname, '../helpers/import-probe.ts');
    const node = [process.execPath, '--import', 'tsx', probe];
    const argv =
      process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--', ...node] : node;
    try {
      for (const target of [file, link]) {
        const { stdout } = await run(argv[0]!, [...argv.slice(1), target], {
          cwd: path.resolve(__dirname, '../..'),
          timeout: 20_000,
        });
        expect(JSON.parse(stdout.trim())).toEqual({
          code: 'FILE_INVALID',
          message: 'That file could not be imported: you do not have permission to read it.',
        });
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('a file whose read fails (I/O error) is FILE_INVALID, not INTERNAL', async () => {
    const r = await importPath('/proc/self/mem');
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
  });

  it('a folder is FILE_INVALID', async () => {
    expect(await importPath(f.dataDir)).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
  });
});

describe('encodings', () => {
  it('a UTF-8 BOM before JSON is accepted', async () => {
    const file = path.join(f.dataDir, 'bom.json');
    await fs.writeFile(file, `\uFEFF${JSON.stringify({ SQUARE_ACCESS_TOKEN: TOKEN })}`);
    expect(await readImportFile(file)).toMatchObject({ secrets: [{ key: 'SQUARE_ACCESS_TOKEN', value: TOKEN }] });
    expect((await importPath(file)).ok).toBe(true);
  });
});

describe('labels cannot pose as other labels', () => {
  it.each([
    ['a right-to-left override', 'Prod\u202Ekey'],
    ['a left-to-right isolate', 'a\u2066b'],
    ['a control character', 'line\u0007bell'],
    ['NUL', 'nul\u0000'],
    ['a lone surrogate', 'x\uD800y'],
    ['invisible characters only', '\u200B\u200C\u2060'],
    ['a zero-width joiner in the middle', 'Sand\u200Dbox'],
  ])('refuses %s', async (_what, label) => {
    f.clipboard.writeText(TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const r = await f.raw('credentials.update', { id: pending.credential.id, label });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', fields: ['label'] } });
  });

  it('normalises to NFC, so two spellings of one label are one label', async () => {
    f.clipboard.writeText(TOKEN);
    const { pending } = await f.call('credentials.importFromClipboard', {});
    const decomposed = 'Cafe\u0301 sandbox';
    const r = await f.call('credentials.update', { id: pending.credential.id, label: decomposed });
    expect(r.label).toBe('Caf\u00e9 sandbox');
    expect(r.label).not.toBe(decomposed);
  });
});
