// DESIGN invariant 1: the renderer never holds a raw secret. Known secret values go in through
// every entry path (paste, .env file, JSON file, a rejected paste, a file with a bad value, a paste
// while the keychain is locked, orphaned keychain items adopted or deleted), every
// screen is visited and every action done; after each step the DOM, the store, web storage are
// scanned, and at the end also the console, every IPC request/response/event, and every file in
// the data folder. Zero hits. The second test proves the scanner can see each of those places.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import keytar from 'keytar';
import { test, expect, type MkApp } from './fixtures';
import { collectDataDir, collectPage, collectRecords, scan, type Haystack, type Hit } from './canary-scan';
import { pendingPanel } from './helpers';

/** Values with the real shapes, so main classifies and stores them like real ones. */
const PASTED = {
  squareAccessToken: 'EAAAcanarySquareAccessToken7Qx9Lm2Np4Rt6Vw8Yz',
  squareAppSecret: 'sandbox-sq0csb-canaryAppSecret4Hj7Kl0Mn3Pq6St9Vx2Za5',
  cloverAppSecret: 'c4a7e1d2-9b3f-4e6a-8c5d-7f1e2a3b4c5d',
  cloverPakmsKey: 'ca7a2ecafe0b1ade5eed0ddba11c0c0a',
  cloverAccessToken: 'canaryCloverAccessTokenZ8y7X6w5V4u3T2s1R0',
};
const DISCARDED = { discardedToken: 'EAAAcanaryDiscardedAfterPaste5Tg8Uj1Ik4Ol7' };
const FROM_ENV_FILE = {
  squareRefreshToken: 'EQAAcanarySquareRefreshToken3Bd5Fh7Jk9Lm1Np',
  cloverEcommercePrivateKey: 'canaryCloverEcommercePrivKey0a1b2c3d4e5f6a7',
  cloverMerchantToken: 'canaryCloverMerchantToken9z8y7x6w5v4u3t2s',
};
const FROM_JSON_FILE = {
  cloverRefreshToken: 'canaryCloverRefreshTokenQ1w2E3r4T5y6U7i8O9',
  squareAppIdSecretish: 'sandbox-sq0idb-canaryApplicationId77Zk',
};
/** Never stored: a paste main rejects, and a file value main skips. They must not echo back. */
const REJECTED = {
  rejectedPaste: 'EAAAcanaryRejectedPaste6Wm2Qn8Xr4Ts0Yv',
  skippedFileValue: 'canarySkippedFileValue4Kd8Lf2Mg6Nh0',
};
/** Keychain items under our service that no metadata knows (a crash, a restored backup). */
const ORPHANED = { adoptedOrphan: 'EAAAcanaryAdoptedOrphanToken2Rf6Ty0Ui4Op8As' };
const ORPHAN_DELETED = { deletedOrphan: 'canaryDeletedOrphanValue1Qa5Ws9Ed3Rf7Tg' };
/** Pasted while the keychain refuses: never stored. */
const LOCKED_OUT = { lockedPaste: 'EAAAcanaryPastedWhileLocked8Hy2Ju6Ki0Lo4' };
const STORED = { ...PASTED, ...FROM_ENV_FILE, ...FROM_JSON_FILE, ...ORPHANED };
const ALL = { ...STORED, ...DISCARDED, ...REJECTED, ...ORPHAN_DELETED, ...LOCKED_OUT };

async function pasteValue(mk: MkApp, value: string): Promise<void> {
  mk.clipboard.text = value;
  await mk.page.getByRole('button', { name: 'Paste from clipboard' }).click();
  await expect(mk.page.getByRole('button', { name: 'Paste from clipboard' })).toBeEnabled();
}

/** Confirms every pending card, choosing sandbox where main could not tell the environment. */
async function confirmAllPending(mk: MkApp): Promise<void> {
  const cards = pendingPanel(mk).getByRole('form');
  for (let n = await cards.count(); n > 0; n--) {
    const card = cards.first();
    const env = card.getByRole('combobox', { name: 'Environment' });
    if ((await env.inputValue()) === '') await env.selectOption('sandbox');
    await card.getByRole('button', { name: 'Confirm' }).click();
    await expect(cards).toHaveCount(n - 1);
  }
}

test.describe('canary: no secret reaches the renderer', () => {
  test('secrets in through every path, every screen and action, zero hits anywhere', async ({ mk }) => {
    test.setTimeout(180_000);
    mk.allowConsoleErrors = false;
    const { page } = mk;
    const hits: Hit[] = [];
    const steps: string[] = [];
    const checkpoint = async (step: string): Promise<void> => {
      steps.push(step);
      for (const h of scan(await collectPage(page), ALL)) hits.push({ ...h, where: `${h.where} after "${step}"` });
    };

    // Left in the keychain by "an earlier crash": found by the keychain check below.
    const adoptAccount = randomUUID();
    const deleteAccount = randomUUID();
    await keytar.setPassword(mk.service, adoptAccount, ORPHANED.adoptedOrphan);
    await keytar.setPassword(mk.service, deleteAccount, ORPHAN_DELETED.deletedOrphan);

    await mk.open();
    await checkpoint('open');

    // ---- in by paste (five kinds of value), one of them corrected before confirming
    for (const value of Object.values(PASTED)) {
      await pasteValue(mk, value);
      await checkpoint(`paste ${value.slice(0, 6)}…`);
    }
    const guessed = pendingPanel(mk).getByRole('form', { name: /^Clover access token/ });
    await guessed.getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await guessed.getByRole('textbox', { name: 'Label' }).fill('Canary Clover token');
    await confirmAllPending(mk);
    await checkpoint('confirm pasted');

    // ---- a paste that is discarded, and one that main rejects
    await pasteValue(mk, DISCARDED.discardedToken);
    const discard = pendingPanel(mk).getByRole('form').first();
    await discard.getByRole('button', { name: 'Discard' }).click();
    await checkpoint('discard confirm step');
    await discard.getByRole('button', { name: 'Yes, discard' }).click();
    await expect(pendingPanel(mk)).toHaveCount(0);
    await pasteValue(mk, `token: ${REJECTED.rejectedPaste}`);
    await expect(page.getByRole('alert')).toContainText('does not look like a Clover or Square credential');
    await checkpoint('rejected paste');
    await page.getByRole('button', { name: 'Dismiss error' }).click();

    // ---- in by file: .env (with metadata, an unknown key and a bad value) and JSON
    await mk.prepareImportFile(
      'canary.env',
      [
        `SQUARE_REFRESH_TOKEN=${FROM_ENV_FILE.squareRefreshToken}`,
        `CLOVER_ECOMMERCE_PRIVATE_KEY=${FROM_ENV_FILE.cloverEcommercePrivateKey}`,
        `CLOVER_MERCHANT_TOKEN='${FROM_ENV_FILE.cloverMerchantToken}'`,
        `CLOVER_APP_SECRET="has spaces ${REJECTED.skippedFileValue}"`,
        'CLOVER_MERCHANT_ID=MCANARY12345A',
        'CLOVER_ENVIRONMENT=sandbox',
        'SQUARE_ENVIRONMENT=sandbox',
        `UNRELATED_SETTING=${REJECTED.skippedFileValue}`,
      ].join('\n') + '\n',
    );
    await page.getByRole('button', { name: 'Import file' }).click();
    await expect(page.getByText(/^Found 3 credentials from canary\.env/)).toBeVisible();
    await checkpoint('import .env');
    await confirmAllPending(mk);
    await checkpoint('confirm .env');

    await mk.prepareImportFile(
      'canary.json',
      JSON.stringify({
        CLOVER_REFRESH_TOKEN: FROM_JSON_FILE.cloverRefreshToken,
        SQUARE_APPLICATION_ID: FROM_JSON_FILE.squareAppIdSecretish,
      }),
    );
    await page.getByRole('button', { name: 'Import file' }).click();
    await expect(page.getByText(/^Found 2 credentials from canary\.json/)).toBeVisible();
    await checkpoint('import JSON');
    await confirmAllPending(mk);
    await checkpoint('confirm JSON');

    // ---- the keychain check: one orphan adopted and confirmed, the other deleted
    await page.getByRole('button', { name: 'Check keychain' }).click();
    const orphans = page.getByRole('list', { name: 'Keychain items without a credential' }).getByRole('listitem');
    await expect(orphans).toHaveCount(2);
    await checkpoint('keychain check');
    await page.getByRole('button', { name: `Adopt ${adoptAccount}` }).click();
    await expect(pendingPanel(mk).getByRole('form')).toHaveCount(1);
    await checkpoint('adopt orphan');
    await confirmAllPending(mk);
    await checkpoint('confirm adopted');
    await page.getByRole('button', { name: `Delete ${deleteAccount}` }).click();
    await checkpoint('delete orphan confirm step');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(orphans).toHaveCount(0);
    expect(await keytar.getPassword(mk.service, deleteAccount)).toBeNull();
    await checkpoint('orphan deleted');

    // ---- a paste while the keychain is locked: refused, the header says so, Retry recovers
    mk.keychain.fault = 'locked';
    await pasteValue(mk, LOCKED_OUT.lockedPaste);
    await expect(page.getByRole('alert')).toContainText('The keychain is locked.');
    await expect(page.getByRole('status', { name: 'Keychain locked' })).toBeVisible();
    await checkpoint('paste while locked');
    mk.keychain.fault = null;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('status', { name: 'Keychain connected' })).toBeVisible();
    await checkpoint('retry keychain');
    await page.getByRole('button', { name: 'Dismiss error' }).click();
    await page.getByRole('button', { name: 'Hide keychain check' }).click();

    const rows = page.getByRole('table', { name: 'Credentials' }).getByRole('row');
    await expect(rows).toHaveCount(1 + Object.keys(STORED).length);

    // ---- rename two
    for (const [from, to] of [
      ['Canary Clover token', 'Canary Clover token (renamed)'],
      [null, 'Canary first row'],
    ] as const) {
      const button = from
        ? page.getByRole('button', { name: `Rename ${from}`, exact: true })
        : rows.nth(1).getByRole('button', { name: /^Rename / });
      await button.click();
      await page.getByRole('textbox', { name: 'New label' }).fill(to);
      await checkpoint(`rename to ${to} (editing)`);
      await page.getByRole('textbox', { name: 'New label' }).press('Enter');
      await expect(page.getByRole('rowheader', { name: to, exact: true })).toBeVisible();
    }
    await checkpoint('renamed');

    // ---- copy every credential in every format (some formats are refused: error banner)
    const copyButtons = page.getByRole('button', { name: /^Copy / });
    const count = await copyButtons.count();
    expect(count).toBe(Object.keys(STORED).length);
    for (let i = 0; i < count; i++) {
      for (const item of ['Raw value', 'Env line', 'curl command']) {
        await copyButtons.nth(i).click();
        await checkpoint(`copy menu ${i}`);
        const copies = mk.ipc.filter((r) => r.channel === 'credentials.copySecret').length;
        await page.getByRole('menuitem', { name: item }).click();
        // A production secret asks once per session before it is copied.
        const confirmProd = page.getByRole('alertdialog', { name: 'Copy a PRODUCTION secret?' });
        if (await confirmProd.isVisible()) {
          await checkpoint('production copy confirm');
          await confirmProd.getByRole('button', { name: 'Copy production secret' }).click();
        }
        await expect.poll(() => mk.ipc.filter((r) => r.channel === 'credentials.copySecret').length).toBe(copies + 1);
        await expect(
          page
            .getByRole('alert')
            .or(page.getByRole('status').filter({ hasText: 'Copied' }))
            .first(),
        ).toBeVisible();
        await checkpoint(`copy ${i} ${item}`);
        if (await page.getByRole('alert').isVisible())
          await page.getByRole('button', { name: 'Dismiss error' }).click();
      }
    }
    // Main did write the values to the (fake) clipboard: the copies were real.
    for (const value of Object.values(STORED)) expect(mk.clipboard.writes.some((w) => w.includes(value))).toBe(true);

    // ---- the details panel of every credential, with an inspection (the stand-in answers without
    // a real vendor behind it: whatever the verdict, the panel and the report must carry no value)
    const detailsButtons = page.getByRole('button', { name: /^Details / });
    expect(await detailsButtons.count()).toBe(Object.keys(STORED).length);
    for (let i = 0; i < (await detailsButtons.count()); i++) {
      await detailsButtons.nth(i).click();
      const panel = page.locator('.details-panel');
      await expect(panel).toBeVisible();
      await checkpoint(`details ${i}`);
      await panel.getByRole('button', { name: 'Inspect', exact: true }).click();
      await expect(panel.locator('.inspection-report').or(page.getByRole('alert')).first()).toBeVisible();
      await checkpoint(`inspected ${i}`);
      if (await page.getByRole('alert').isVisible()) await page.getByRole('button', { name: 'Dismiss error' }).click();
      await panel.getByRole('button', { name: 'Close details' }).click();
    }
    // ---- inspect once, with a secret on the clipboard (it stays there; nothing is stored)
    mk.clipboard.text = Object.values(STORED)[0]!;
    await page.getByRole('button', { name: 'Inspect clipboard' }).click();
    await expect(
      page
        .getByRole('region', { name: /nothing was saved/ })
        .or(page.getByRole('alert'))
        .first(),
    ).toBeVisible();
    await checkpoint('inspect once');
    if (await page.getByRole('alert').isVisible()) await page.getByRole('button', { name: 'Dismiss error' }).click();
    mk.clipboard.text = '';

    // ---- delete one (with its confirm step)
    await page.getByRole('button', { name: 'Delete Canary first row' }).click();
    await checkpoint('delete confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete credential' }).click();
    await expect(page.getByRole('rowheader', { name: 'Canary first row' })).toHaveCount(0);
    await checkpoint('deleted');

    // ---- requests and settings; the clipboard clears on a short timer
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Requests' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
    await checkpoint('requests');
    // Copy as curl on every logged request (the inspections above made them, with tokens): the
    // clipboard gets the real command from main; the screen only its scrubbed form.
    const curlButtons = page.getByRole('button', { name: /^Copy as curl: / });
    expect(await curlButtons.count()).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(await curlButtons.count(), 8); i++) {
      await curlButtons.nth(i).click();
      await expect(page.getByRole('region', { name: /Copied as curl/ })).toBeVisible();
      await checkpoint(`copy as curl ${i}`);
    }
    await nav.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('spinbutton', { name: 'Clear the clipboard after' }).fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await checkpoint('settings');
    await nav.getByRole('button', { name: 'Credentials' }).click();
    await copyButtons.first().click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Clipboard cleared' })).toBeVisible({ timeout: 10_000 });
    await checkpoint('clipboard cleared');

    // ---- a fresh window reads everything back from main
    await page.reload();
    await expect(rows).toHaveCount(Object.keys(STORED).length); // one deleted, plus the header row
    await checkpoint('reload');
    for (const screen of ['Diagram', 'Charge lab', 'Requests', 'Settings', 'Credentials']) {
      await nav.getByRole('button', { name: screen }).click();
      await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
      await checkpoint(`revisit ${screen}`);
    }

    // ---- the final sweep: records, console and every file in the data folder
    const files = await collectDataDir(mk.dataDir);
    expect(files.map((f) => f.where)).toEqual(expect.arrayContaining(['file:audit.log', 'file:credentials.json']));
    const final: Haystack[] = [...collectRecords(mk), ...files];
    for (const h of scan(final, ALL)) hits.push(h);

    // Not vacuous: the store was read, the secrets are really in the keychain, IPC happened.
    const snapshot = (await page.evaluate(() =>
      (globalThis as unknown as { __mkStoreSnapshot: () => { credentials: unknown[] } }).__mkStoreSnapshot(),
    )) as { credentials: unknown[] };
    expect(snapshot.credentials.length).toBe(Object.keys(STORED).length - 1);
    const inKeychain = await Promise.all((await keytar.findCredentials(mk.service)).map((c) => c.password));
    expect(inKeychain.filter((v) => Object.values(STORED).includes(v))).toHaveLength(Object.keys(STORED).length - 1);
    expect(mk.ipc.length).toBeGreaterThan(50);
    expect(steps.length).toBeGreaterThan(40);

    expect(hits, 'secret values found outside main').toEqual([]);
  });

  test('self-check: the scanner finds a planted value in each place it scans', async ({ mk }) => {
    const PLANTED = 'PLANTEDcanaryValue0042xyzPLANTED';
    const secrets = { planted: PLANTED };
    const { page } = mk;
    await mk.open();

    // Nothing planted yet: nothing found.
    expect(
      scan([...(await collectPage(page)), ...collectRecords(mk), ...(await collectDataDir(mk.dataDir))], secrets),
    ).toEqual([]);

    // A label is user text that flows through IPC, the store, the DOM and the metadata file.
    mk.clipboard.text = 'EAAAselfCheckToken0123456789abcdefgh';
    await page.getByRole('button', { name: 'Paste from clipboard' }).click();
    await pendingPanel(mk).getByRole('combobox', { name: 'Environment' }).selectOption('sandbox');
    await pendingPanel(mk).getByRole('textbox', { name: 'Label' }).fill(PLANTED);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('rowheader', { name: PLANTED })).toBeVisible();
    // And the places a label does not go: console, web storage, a live input value, a log file.
    await page.evaluate((v) => {
      const g = globalThis as unknown as {
        console: { log(...a: unknown[]): void };
        localStorage: { setItem(k: string, v: string): void };
        sessionStorage: { setItem(k: string, v: string): void };
        document: { createElement(t: string): { value: string; id: string }; body: { append(e: unknown): void } };
      };
      g.console.log('debug', v);
      g.localStorage.setItem('k', v);
      g.sessionStorage.setItem('k', v);
      const input = g.document.createElement('input');
      input.id = 'planted';
      g.document.body.append(input);
      input.value = v; // a property, not an attribute: only the form-value scan sees it
    }, PLANTED);
    await fs.writeFile(path.join(mk.dataDir, 'planted.log'), `line ${PLANTED}\n`);
    await expect.poll(() => mk.consoleLines.some((l) => l.includes(PLANTED))).toBe(true);

    const where = new Set(
      scan([...(await collectPage(page)), ...collectRecords(mk), ...(await collectDataDir(mk.dataDir))], secrets).map(
        (h) => h.where.replace(/^ipc\[\d+\] /, 'ipc ').replace(/^event\[\d+\] /, 'event '),
      ),
    );
    for (const place of [
      'dom',
      'dom:form-values',
      'store',
      'localStorage',
      'sessionStorage',
      'console',
      'ipc credentials.confirm',
      'file:credentials.json',
      'file:planted.log',
    ]) {
      expect([...where], `the scanner sees ${place}`).toContain(place);
    }
    // A middle slice is caught too, e.g. a value shown with its ends cut off.
    expect(scan([{ where: 'x', text: `…${PLANTED.slice(8, -4)}…` }], secrets)).toHaveLength(1);
  });
});
