// The credentials table (issue #10) through the real core: search and chips, a sortable column
// with aria-sort, the summary line, and "Check all" against the local Square with progress and
// per-row verdicts.
import { expect, test } from './fixtures';
import { credentialsTable, seedCredential } from './helpers';

test.use({ emulators: true });

test('find, sort and check all: verdicts arrive in the rows, the summary counts them', async ({ mk }) => {
  const v = mk.vendors!;
  const good = [v.squareSandbox.personalToken];
  for (let i = 0; i < 3; i++)
    good.push(
      v.square.createPersonalToken({ applicationId: v.squareSandbox.app.id, merchantId: v.squareSandbox.merchant.id }),
    );
  for (const [i, t] of good.entries())
    await seedCredential(mk, t, {
      label: `Seller token ${i}`,
      environment: 'sandbox',
      provider: 'square',
      kind: 'access_token',
    });
  await seedCredential(mk, 'EAAAThisTokenWasNeverIssued0123456789abcdefXYZ', {
    label: 'Forgotten token',
    environment: 'sandbox',
    provider: 'square',
    kind: 'access_token',
  });
  await mk.open();
  const { page } = mk;
  const table = credentialsTable(mk);
  await expect(page.getByText('5 of 5')).toBeVisible();
  await expect(page.locator('.filter-summary')).toHaveText('5 unchecked');

  // "/" jumps to the search box; words narrow the rows.
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Search credentials' });
  await expect(search).toBeFocused();
  await search.fill('forgotten');
  await expect(page.getByText('1 of 5')).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveText(['Forgotten token']);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Sort by label: aria-sort follows.
  const labelHeader = table.getByRole('columnheader', { name: 'Label' });
  await labelHeader.getByRole('button').click();
  await expect(labelHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('rowheader').first()).toHaveText('Forgotten token');
  await labelHeader.getByRole('button').click();
  await expect(labelHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('rowheader').first()).toHaveText('Seller token 3');

  await page.getByRole('button', { name: 'Check all (5)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked 5 of 5' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.filter-summary')).toHaveText('1 invalid');
  await page.getByRole('button', { name: 'Invalid' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(['Forgotten token']);
  await expect(table.getByRole('row').nth(1)).toContainText('Invalid');
  await mk.screenshot('table-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await mk.screenshot('table-dark');
});
