// The details panel (issues #8, #9, #10) through the real core and the local Clover and Square:
// select a row, Inspect (verdict, merchant, checklist from what the stand-in answered), Refresh a
// pair, fetch a PAKMS key, the Square revoke confirmation, and "inspect once" from the clipboard,
// which stores nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { IpcResult } from '@shared/contract';
import { expect, test, type MkApp } from './fixtures';
import { pastePair, row } from './helpers';

test.use({ emulators: true });

function panel(mk: MkApp) {
  return mk.page.getByRole('region', { name: /Clover pair|Square pair/ });
}

test('Clover: inspect shows the verdict and merchant, fetch the PAKMS key, refresh the pair', async ({ mk }) => {
  const clover = mk.vendors!.clover;
  const { merchant, tokens } = clover.seed.connectedMerchant();
  await pastePair(
    mk,
    {
      access_token: tokens.access_token,
      access_token_expiration: tokens.access_token_expiration,
      refresh_token: tokens.refresh_token,
      refresh_token_expiration: tokens.refresh_token_expiration,
    },
    'Clover pair',
  );
  await mk.open();
  const { page } = mk;
  await row(mk, 'Clover pair').getByRole('button', { name: 'Details Clover pair' }).click();
  const p = panel(mk);
  await expect(p.getByRole('heading', { name: 'Clover pair' })).toBeFocused();
  await expect(p).toContainText('Unchecked');

  await p.getByRole('button', { name: 'Inspect' }).click();
  await expect(p.locator('.inspection-report')).toContainText('Valid');
  await expect(p.locator('.inspection-report')).toContainText(merchant.name);
  await expect(p.locator('.inspection-report')).toContainText(merchant.id);
  // The table row shows the verdict too, from main's list.
  await expect(row(mk, 'Clover pair').getByRole('cell').nth(1)).toContainText('Valid');
  await mk.screenshot('details-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await mk.screenshot('details-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await p.getByRole('button', { name: 'Fetch PAKMS key' }).click();
  await expect(p.getByRole('status')).toContainText('PAKMS key saved as');
  await expect(page.getByRole('table', { name: 'Credentials' })).toContainText('PAKMS key');

  const refreshesBefore = clover.inspect
    .requests({ environment: 'sandbox' })
    .filter((q) => q.path === '/oauth/v2/refresh');
  await p.getByRole('button', { name: 'Refresh' }).click();
  await expect(p.getByRole('status')).toContainText('Refreshed.');
  const refreshes = clover.inspect.requests({ environment: 'sandbox' }).filter((q) => q.path === '/oauth/v2/refresh');
  expect(refreshes.length - refreshesBefore.length).toBe(1);

  // Nothing secret reached the page.
  const html = await page.content();
  for (const s of [tokens.access_token, tokens.refresh_token]) expect(html).not.toContain(s);

  await p.getByRole('button', { name: 'Close details' }).click();
  await expect(p).toHaveCount(0);
  await expect(page.locator('#row-' + (await rowId(mk, 'Clover pair')))).toBeFocused();
});

async function rowId(mk: MkApp, label: string): Promise<string> {
  const id = await row(mk, label).getByRole('rowheader').getAttribute('id');
  return (id ?? '').replace(/^row-/, '');
}

test('Square: inspect names the seller; revoke explains why it needs the app secret', async ({ mk }) => {
  const v = mk.vendors!;
  const issued = v.square.issueOAuth({
    applicationId: v.squareSandbox.app.id,
    merchantId: v.squareSandbox.merchant.id,
    flow: 'pkce',
    scopes: ['MERCHANT_PROFILE_READ', 'PAYMENTS_READ', 'PAYMENTS_WRITE'],
  });
  await pastePair(
    mk,
    {
      access_token: issued.accessToken,
      token_type: 'bearer',
      expires_at: issued.expiresAt,
      merchant_id: issued.merchantId,
      refresh_token: issued.refreshToken,
      ...(issued.refreshTokenExpiresAt ? { refresh_token_expires_at: issued.refreshTokenExpiresAt } : {}),
    },
    'Square pair',
  );
  await mk.open();
  const { page } = mk;
  await row(mk, 'Square pair').getByRole('button', { name: 'Details Square pair' }).click();
  const p = panel(mk);
  await p.getByRole('button', { name: 'Inspect' }).click();
  await expect(p.locator('.inspection-report')).toContainText('Valid');
  await expect(p.locator('.inspection-report')).toContainText('Apple A Day');
  await expect(p.locator('.inspection-report')).toContainText('PAYMENTS_WRITE');
  await expect(p.locator('.inspection-report')).toContainText('Main Street');

  await p.getByRole('button', { name: 'Revoke…' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('cannot be revoked from here');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  // No revoke reached Square.
  expect(v.square.requests().filter((r) => r.path === '/oauth2/revoke')).toEqual([]);
});

test('inspect once: the clipboard token is described and nothing is stored', async ({ mk }) => {
  const v = mk.vendors!;
  await mk.open();
  const before = await fs.readFile(path.join(mk.dataDir, 'credentials.json'), 'utf8').catch(() => null);
  mk.clipboard.text = v.squareSandbox.personalToken;
  await mk.page.getByRole('button', { name: 'Inspect clipboard' }).click();
  const region = mk.page.getByRole('region', { name: /nothing was saved/ });
  await expect(region).toContainText('Valid');
  await expect(region).toContainText('Apple A Day');
  await expect(region.getByRole('heading', { level: 2 })).toBeFocused();
  expect(await mk.page.content()).not.toContain(v.squareSandbox.personalToken);
  const after = await fs.readFile(path.join(mk.dataDir, 'credentials.json'), 'utf8').catch(() => null);
  expect(after).toBe(before);
  const list = (await mk.core.invoke('credentials.list', {})) as IpcResult<'credentials.list'>;
  expect(list.ok && list.data.items).toEqual([]);
  await region.getByRole('button', { name: 'Close inspection' }).click();
  await expect(region).toHaveCount(0);
});
