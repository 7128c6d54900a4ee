#!/usr/bin/env node
// Electronegativity over src-main + src-renderer, as a CI gate: the tool itself always exits 0, so
// this script reads its CSV, prints the findings and exits 1 on any HIGH or MEDIUM finding, on a
// scan that read no files, on files it could not parse, or on a CSV that disagrees with the run.
// Offline by construction: the tool's two network calls (translations, Electron release list) are
// stubbed out, and the check that needs the release list is excluded.
import Module, { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCAN_DIRS = ['src-main', 'src-renderer'];
const EXCLUDED_CHECKS = [
  // Downloads Electron's release list from GitHub; we pin Electron and upgrade deliberately.
  'AvailableSecurityFixesGlobalCheck',
];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

const require = createRequire(import.meta.url);
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js'));

setTimeout(() => {
  console.error('electronegativity: timed out after 90 s');
  process.exit(1);
}, 90_000).unref();

/** Replaces the tool's HTTP client so no request can leave (and none can hang) the scan. */
function disableNetwork() {
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('network disabled for this scan'));
  offline.head = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

/** RFC 4180: quoted fields, "" escapes, commas and newlines inside quotes, CRLF or LF rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function readFindings(csvPath) {
  const rows = parseCsv(readFileSync(csvPath, 'utf8'));
  const [header, ...body] = rows;
  if (!header || header.map((h) => h.trim().toLowerCase()).join() !== CSV_HEADER.join()) {
    throw new Error(`unexpected CSV header: ${JSON.stringify(header)}`);
  }
  return body.map((r, i) => {
    if (r.length !== CSV_HEADER.length) throw new Error(`CSV row ${i + 2} has ${r.length} fields`);
    const [id, severity, confidence, file, location, sample, description] = r.map((v) => v.trim());
    return { id, severity, confidence, file, location, sample, description };
  });
}

const keyOf = (f) => `${f.id}|${f.severity}|${f.file}|${f.location}`;

/** The tool writes the CSV with two unawaited fs.writeFile calls; wait until it matches the run. */
async function waitForCsv(csvPath, issues) {
  const expected = issues
    .map((i) =>
      keyOf({ id: i.id, severity: i.severity.name, file: i.file, location: `${i.location.line}:${i.location.column}` }),
    )
    .sort();
  let last = 'no CSV written';
  for (let attempt = 0; attempt < 200; attempt++) {
    // up to 20 s: the machine may be busy
    await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(csvPath)) continue;
    try {
      const findings = readFindings(csvPath);
      const got = findings.map(keyOf).sort();
      if (got.join('\n') === expected.join('\n')) return findings;
      last = `CSV has ${got.length} findings, the run reported ${expected.length}`;
    } catch (err) {
      last = err.message;
    }
  }
  throw new Error(`CSV output never matched the scan (${last})`);
}

function printTable(findings) {
  const cols = [
    ['severity', (f) => f.severity],
    ['confidence', (f) => f.confidence],
    ['check', (f) => f.id],
    ['where', (f) => (f.file === 'N/A' ? '(global)' : `${f.file}:${f.location}`)],
    ['sample / description', (f) => (f.sample !== 'N/A' ? f.sample : f.description).slice(0, 70)],
  ];
  const cells = findings.map((f) => cols.map(([, get]) => get(f)));
  const widths = cols.map(([name], c) => Math.max(name.length, ...cells.map((row) => row[c].length)));
  const line = (values) =>
    values
      .map((v, c) => v.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  console.log(line(cols.map(([name]) => name)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
}

async function main() {
  process.env.LANG = 'en-US'; // the tool sets its locale from LANG; only en-US ships complete
  disableNetwork();
  const run = require('@doyensec/electronegativity');
  const { LoaderDirectory } = require('@doyensec/electronegativity/dist/loader');

  // One staging folder so the global checks (CSP, navigation, permissions) see both trees
  // together, plus package.json so the tool knows the Electron version and its defaults.
  const stage = mkdtempSync(path.join(tmpdir(), 'mk-eng-'));
  try {
    for (const dir of SCAN_DIRS) {
      if (!existsSync(path.join(ROOT, dir))) throw new Error(`${dir}/ does not exist`);
      cpSync(path.join(ROOT, dir), path.join(stage, dir), { recursive: true });
    }
    cpSync(path.join(ROOT, 'package.json'), path.join(stage, 'package.json'));

    const loader = new LoaderDirectory();
    await loader.load(stage);
    const files = [...loader.list_files].map((f) => path.relative(stage, f));
    const perDir = Object.fromEntries(
      SCAN_DIRS.map((d) => [d, files.filter((f) => f.startsWith(d + path.sep)).length]),
    );
    console.log(`electronegativity: ${files.length} files (${SCAN_DIRS.map((d) => `${d}: ${perDir[d]}`).join(', ')})`);
    const empty = SCAN_DIRS.filter((d) => perDir[d] === 0);
    if (empty.length > 0)
      throw new Error(`the scanner found no files in ${empty.join(', ')}; a scan that reads nothing cannot pass`);

    const csvPath = path.join(stage, 'electronegativity.csv');
    // The tool announces the (stubbed) translation download failing on every run; drop just that.
    const log = console.log;
    console.log = (...args) => {
      if (args[0] !== 'Could not retrieve updated translations for the current locale') log(...args);
    };
    let result;
    try {
      result = await run({
        input: stage,
        output: csvPath,
        isSarif: false,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        isRelative: true,
      });
    } finally {
      console.log = log;
    }
    const findings = await waitForCsv(csvPath, result.issues);

    let failed = false;
    for (const e of result.errors) {
      const rel = path.relative(stage, e.file);
      if (e.tolerable) console.warn(`warning: ${rel}: ${e.message}`);
      else {
        console.error(`error: could not parse ${rel}, so it was not scanned: ${e.message}`);
        failed = true;
      }
    }

    findings.sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.file.localeCompare(b.file),
    );
    if (findings.length > 0) printTable(findings);
    const blocking = findings.filter((f) => FAILING.has(f.severity));
    console.log(
      `electronegativity: ${findings.length} finding(s), ${blocking.length} HIGH/MEDIUM` +
        ` (${result.atomicChecks} atomic + ${result.globalChecks} global checks; excluded: ${EXCLUDED_CHECKS.join(', ')})`,
    );
    if (blocking.length > 0) failed = true;
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`electronegativity: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
