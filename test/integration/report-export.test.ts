// reports.export: a redacted report (CSV with a well-kept writer, or JSON) of what the user sees,
// with fingerprints and verdicts and never a value; a formula-looking label cannot run.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src-main/reports/credential-report';
import { startCore, type CoreFixture } from '../helpers/core-fixture';

const SECRETS = ['EAAAreportSecretOne0123456789abcdefghijklm', 'af4e0123456789abcdef0123456789d1'];
let f: CoreFixture;
let ids: string[] = [];
beforeEach(async () => {
  f = await startCore();
  ids = [];
  for (const v of SECRETS) {
    f.clipboard.writeText(v);
    ids.push((await f.call('credentials.importFromClipboard', {})).pending.credential.id);
  }
  await f.call('credentials.update', {
    id: ids[0]!,
    label: '=HYPERLINK("http://evil.test")',
    environment: 'sandbox',
    merchantId: 'DM7VKY8Q63GNP',
  });
});
afterEach(async () => f.cleanup());

describe('reports.export', () => {
  it('CSV: one row per chosen credential, the documented columns, no value, formulas neutralised', async () => {
    const file = path.join(f.dataDir, 'report.csv');
    f.setSaveFile(file);
    expect(await f.call('reports.export', { format: 'csv', ids: [ids[0]!] })).toEqual({
      saved: true,
      fileName: 'report.csv',
      rows: 1,
    });
    const text = await fs.readFile(file, 'utf8');
    for (const s of SECRETS) expect(text).not.toContain(s);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({
      label: `'=HYPERLINK("http://evil.test")`,
      provider: 'square',
      kind: 'access_token',
      environment: 'sandbox',
      merchantId: 'DM7VKY8Q63GNP',
      verdict: 'unchecked',
      expiry: 'none',
    });
    expect(rows[0]!.fingerprint).toMatch(/^EAAA…/);
  });

  it('JSON: every credential when no ids are given', async () => {
    const file = path.join(f.dataDir, 'report.json');
    f.setSaveFile(file);
    expect(await f.call('reports.export', { format: 'json' })).toMatchObject({ saved: true, rows: 2 });
    const text = await fs.readFile(file, 'utf8');
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(JSON.parse(text)).toMatchObject({
      count: 2,
      credentials: [{ provider: 'square' }, { provider: 'clover', kind: 'pakms_key' }],
    });
  });

  it('cancelling the save dialog writes nothing', async () => {
    f.setSaveFile(null);
    const before = await fs.readdir(f.dataDir);
    expect(await f.call('reports.export', { format: 'csv' })).toEqual({ saved: false, fileName: null, rows: 0 });
    expect(await fs.readdir(f.dataDir)).toEqual(before);
  });
});
