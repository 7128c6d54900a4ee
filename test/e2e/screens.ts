// Every screen with data on it, for the quality checks (quality.spec.ts): which screens exist (read
// from the route registry through the sidebar, so a new screen is covered the day it is added),
// how to open one, and a vault with one of each kind of row a screen may have to show.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { IpcResult } from '@shared/contract';
import { INDEX_FILE } from '../../src-main/vault/metadata-index';
import { expect, type MkApp } from './fixtures';
import { SAMPLE, seedCredential } from './helpers';

const DAY = 86_400_000;

/** Labels of the seeded rows, for tests that look for one. */
export const SEEDED = {
  sandbox: 'Checkout sandbox token',
  production: 'Clover PAKMS key for the web checkout (production, Main Street store)',
  expired: 'Old Square refresh token',
  soon: 'Clover app secret (expires this week)',
  appSecret: 'Checkout app secret',
  pending: /Square application ID/,
} as const;

/**
 * Fills the vault through the real core: confirmed sandbox and production credentials (with
 * merchant and location ids from an imported .env), one expired and one expiring within the
 * warning window, one pending import, and request-log entries (network checks against the
 * fixture's stand-in). Call before mk.open().
 */
export async function seedScreens(mk: MkApp): Promise<void> {
  // Ids come from the file's ID keys, as an import sets them.
  await mk.prepareImportFile(
    'checkout.env',
    [
      `SQUARE_ACCESS_TOKEN=${SAMPLE.squareToken}`,
      'SQUARE_ENVIRONMENT=sandbox',
      'SQUARE_MERCHANT_ID=MLR5K0SAMPLE9',
      'SQUARE_LOCATION_ID=LXAMPLE123ABC',
      `CLOVER_PAKMS_KEY=${SAMPLE.cloverPakms}`,
      'CLOVER_MERCHANT_ID=MXAMPLE12345A',
      '',
    ].join('\n'),
  );
  const imported = (await mk.core.invoke('credentials.importFromFile', {})) as IpcResult<'credentials.importFromFile'>;
  if (!imported.ok) throw new Error(`seed import failed: ${imported.error.message}`);
  for (const p of imported.data.pending) {
    const square = p.proposal.provider === 'square';
    const confirmed = await mk.core.invoke('credentials.confirm', {
      id: p.credential.id,
      provider: p.proposal.provider,
      kind: p.proposal.kind,
      environment: square ? 'sandbox' : 'production',
      label: square ? SEEDED.sandbox : SEEDED.production,
    });
    if (!confirmed.ok) throw new Error(`seed confirm failed: ${confirmed.error.message}`);
  }
  const expired = await seedCredential(mk, SAMPLE.squareRefresh, { label: SEEDED.expired, environment: 'production' });
  const soon = await seedCredential(mk, SAMPLE.cloverAppSecret, { label: SEEDED.soon, environment: 'sandbox' });
  await seedCredential(mk, SAMPLE.squareAppSecret, { label: SEEDED.appSecret, environment: 'sandbox' });
  mk.clipboard.text = SAMPLE.squareAppId; // pasted, not confirmed: stays pending
  const pasted = await mk.core.invoke('credentials.importFromClipboard', {});
  if (!pasted.ok) throw new Error(`seed paste failed: ${pasted.error.message}`);

  // Expiry dates are what a vendor check stores (inspect/inspect-one.ts). No vendor module can run
  // against the fixture's stand-in yet, so they are written into the index as that check would,
  // and the core restarted to read them; main still judges "expired" / "soon" itself.
  await setExpiry(mk, {
    [expired.id]: new Date(Date.now() - 2 * DAY).toISOString(),
    [soon.id]: new Date(Date.now() + 3 * DAY).toISOString(),
  });

  for (const [provider, environment] of [
    ['square', 'sandbox'],
    ['clover', 'sandbox'],
    ['square', 'production'], // the fixture points it at a closed port: a failed request
  ] as const) {
    await mk.core.invoke('network.check', { provider, environment });
  }
}

async function setExpiry(mk: MkApp, expiresAt: Record<string, string>): Promise<void> {
  const file = path.join(mk.dataDir, INDEX_FILE);
  const index = JSON.parse(await fs.readFile(file, 'utf8')) as {
    credentials: { id: string; expiresAt: string | null }[];
  };
  for (const c of index.credentials) c.expiresAt = expiresAt[c.id] ?? c.expiresAt;
  await fs.writeFile(file, JSON.stringify(index), { mode: 0o600 });
  await mk.restartCore();
}

/** The ids of every screen in the route registry that has a view (the sidebar lists them all). */
export async function screenIds(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const ids = await nav
    .locator('[data-route]:not([disabled])')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-route') ?? ''));
  // The three screens that exist today are there: the list is not silently empty.
  expect(ids).toEqual(expect.arrayContaining(['credentials', 'requests', 'settings']));
  return ids;
}

/** Opens screen `id` from the sidebar and waits until its heading is shown and nothing is loading. */
export async function openScreen(page: Page, id: string): Promise<void> {
  const button = page.locator(`nav [data-route="${id}"]`);
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main .loading, main [aria-busy="true"]')).toHaveCount(0);
}
