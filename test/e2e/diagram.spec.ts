// The keychain diagram (issue #10) through the real core: a Clover pair pasted as its token answer
// draws app, merchant, access token -> refresh token and a placeholder for the missing PAKMS key
// with its action; edges carry the API calls; a node is reached with the keyboard and selected;
// filters narrow it; the links are also given as text.
import { expect, test } from './fixtures';
import { pastePair } from './helpers';

test.use({ emulators: true });

test('draws the relations with API calls, keyboard selection, filters and a text alternative', async ({ mk }) => {
  const clover = mk.vendors!.clover;
  const { merchant, tokens } = clover.seed.connectedMerchant();
  const [access] = await pastePair(
    mk,
    {
      access_token: tokens.access_token,
      access_token_expiration: tokens.access_token_expiration,
      refresh_token: tokens.refresh_token,
      refresh_token_expiration: tokens.refresh_token_expiration,
    },
    'Clover pair',
  );
  // An inspection names the merchant and app, which the diagram links.
  expect((await mk.core.invoke('credentials.inspect', { id: access!.id })).ok).toBe(true);
  await mk.open();
  const { page } = mk;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Diagram' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagram' })).toBeVisible();
  const canvas = page.locator('.diagram-canvas');
  const pairNode = canvas
    .locator('.key-node')
    .filter({ has: page.locator('.key-node-label', { hasText: /^Clover pair$/ }) });
  await expect(pairNode).toBeVisible();
  await expect(canvas.locator('.key-node', { hasText: `Merchant ${merchant.id}` })).toBeVisible();
  const placeholder = canvas.locator('.key-node-placeholder');
  await expect(placeholder).toContainText('Fetch the PAKMS key for this merchant');
  await expect(canvas.locator('.react-flow__edge-text', { hasText: 'GET /pakms/apikey' }).first()).toBeAttached();
  await expect(pairNode).toContainText('Valid');

  // Keyboard: Tab reaches the nodes; Enter selects one and the side panel names it.
  const node = page
    .getByRole('group', { name: /^Clover pair, Access token, sandbox/ })
    .or(page.locator('.react-flow__node[aria-label^="Clover pair, Access token"]'));
  await node.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Clover pair' })).toBeVisible();
  await mk.screenshot('diagram-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await mk.screenshot('diagram-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The text alternative lists the links with their calls.
  await page.getByText(/^Links as text/).click();
  await expect(page.locator('.diagram-text li').filter({ hasText: 'GET /pakms/apikey' }).first()).toBeVisible();

  // Show in Credentials opens that credential's details there.
  await page.getByRole('button', { name: 'Show in Credentials' }).click();
  await expect(page.getByRole('region', { name: 'Clover pair' })).toBeVisible();

  // A filter that matches nothing says so.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Diagram' }).click();
  await page.getByRole('combobox', { name: 'Vendor' }).selectOption('square');
  await expect(page.getByRole('heading', { name: 'Nothing to draw yet' })).toBeVisible();
  expect(await page.content()).not.toContain(tokens.access_token);
});
