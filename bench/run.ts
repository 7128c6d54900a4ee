// Benchmark: prints figures, asserts nothing. Exit code 0 unless something really failed (an IPC
// call errored, the renderer never showed the rows, a cleanup step failed).
// Run with `npm run bench` (inside a private D-Bus session + throwaway gnome-keyring).
// Options: --quick (smaller counts, for a smoke run), --no-build (never run electron-vite build).
import { assertPrivateKeyring } from '../test/helpers/private-keyring';
import os from 'node:os';
import { benchClover } from './clover-bench';
import { benchAdd, benchList, type Cleanup } from './core-bench';
import { benchBundle, benchFirstRender, ensureRenderer } from './renderer-bench';
import { benchSquareInspection } from './square-bench';
import { benchScreens } from './screens-bench';
import { heading, ms } from './stats';

const argv = new Set(process.argv.slice(2));
const quick = argv.has('--quick');
const allowBuild = !argv.has('--no-build');
/** `--only=list,add`: run just these sections (names as in the FAILED lines). */
const only =
  [...argv]
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
const wanted = (name: string): boolean => only === null || only.includes(name);

const cleanups: { what: string; fn: () => Promise<unknown> | unknown }[] = [];
const cleanup: Cleanup = { add: (what, fn) => void cleanups.push({ what, fn }) };

async function runCleanups(): Promise<boolean> {
  let ok = true;
  while (cleanups.length) {
    const { what, fn } = cleanups.pop()!;
    try {
      await fn();
    } catch (e) {
      ok = false;
      console.log(`  cleanup FAILED: ${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return ok;
}

async function section(name: string, fn: () => Promise<unknown>): Promise<boolean> {
  if (!wanted(name)) return true;
  try {
    return (await fn()) !== false;
  } catch (e) {
    console.log(`\n  FAILED (${name}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return false;
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  try {
    assertPrivateKeyring(); // the benchmark writes to the keychain
  } catch (e) {
    console.error(`Refusing to run: ${(e as Error).message}`);
    return 2;
  }
  const cpus = os.cpus();
  heading('Merchant Keychain benchmark');
  console.log(`  date      ${new Date().toISOString()}`);
  console.log(`  node      ${process.version} (${process.platform} ${process.arch}, ${os.type()} ${os.release()})`);
  console.log(`  cpus      ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`);
  console.log(
    `  memory    ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free; load avg ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `  tmpdir    ${os.tmpdir()}; keychain: private gnome-keyring via test/with-keyring.sh${quick ? '; QUICK mode (smaller counts)' : ''}`,
  );

  const results: boolean[] = [];
  results.push(
    await section('list', () => benchList(cleanup, { n: quick ? 1000 : 10_000, warmups: 5, runs: quick ? 10 : 50 })),
  );
  results.push(await section('add', () => benchAdd(cleanup, { n: quick ? 100 : 1000 })));
  results.push(
    await section('clover', () =>
      benchClover(cleanup, {
        tokens: quick ? 100 : 500,
        apps: quick ? [5, 1] : [25, 5],
        serial: !argv.has('--no-serial'),
      }),
    ),
  );

  let skip: string | null = null;
  if (wanted('bundle') || wanted('render')) {
    heading('Renderer build');
    try {
      skip = ensureRenderer(allowBuild);
    } catch (e) {
      skip = `could not check/build out/renderer: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  results.push(await section('bundle', async () => benchBundle(skip)));
  results.push(
    await section('render', () =>
      benchFirstRender(cleanup, skip, { n: quick ? 100 : 1000, runs: 5, timeoutMs: 30_000 }),
    ),
  );
  results.push(
    await section('screens', () =>
      benchScreens(cleanup, skip, { tableN: quick ? 500 : 5000, diagramN: quick ? 50 : 500, runs: quick ? 2 : 5 }),
    ),
  );
  results.push(await section('square', () => benchSquareInspection(cleanup, { n: quick ? 100 : 500, latencyMs: 50 })));

  heading('Cleanup');
  const cleaned = await runCleanups();
  console.log(
    `  ${cleaned ? 'done' : 'INCOMPLETE'}: temp dirs removed, server and browser closed, bench keychain items deleted`,
  );
  console.log(
    `\n  total bench time ${ms(performance.now() - started)}; ${results.every(Boolean) && cleaned ? 'all parts ran' : 'SOME PARTS FAILED (see above)'}`,
  );
  return results.every(Boolean) && cleaned ? 0 : 1;
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.log('\n  interrupted: cleaning up ...');
  void runCleanups().finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    console.error('benchmark crashed:', e);
    await runCleanups();
    process.exit(1);
  },
);
