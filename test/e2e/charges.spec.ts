// The charge lab (issues #8, #9, #10) through the real core and the local Clover and Square: the
// renderer makes the idempotency key, Send charges once, Retry with the same key replays (the
// stand-in holds ONE payment for the key), Refund, a decline in plain words, production never
// offered, and the ledger filter.
import { expect, test, type MkApp } from './fixtures';
import { seedCredential } from './helpers';

test.use({ emulators: true });

async function openLab(mk: MkApp): Promise<void> {
  await mk.open();
  await mk.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Charge lab' }).click();
  await expect(mk.page.getByRole('heading', { level: 1, name: 'Charge lab' })).toBeVisible();
}

test('Square: send, retry with the same key (no second payment), refund; production is not offered', async ({ mk }) => {
  const v = mk.vendors!;
  await seedCredential(mk, v.squareSandbox.personalToken, {
    label: 'Square sandbox',
    environment: 'sandbox',
    provider: 'square',
    kind: 'access_token',
  });
  await seedCredential(mk, v.squareProduction.personalToken, {
    label: 'Square live',
    environment: 'production',
    provider: 'square',
    kind: 'access_token',
  });
  await openLab(mk);
  const { page } = mk;
  const picker = page.getByRole('combobox', { name: 'Sandbox credential' });
  await expect(picker.getByRole('option')).toHaveText(['Square sandbox — Square access token']);

  const key = (await page.locator('.charge-key code').textContent())!;
  expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await page.getByRole('textbox', { name: 'Amount' }).fill('12.34');
  await page.getByRole('button', { name: 'Send test charge' }).click();
  const result = page.getByRole('region', { name: 'Last attempt' });
  await expect(result).toContainText('Succeeded');
  await expect(result).toContainText(key);
  // The next charge gets a new key; the sent one stays with its attempt.
  await expect(page.locator('.charge-key code')).not.toHaveText(key);
  expect(v.square.payments({ idempotencyKey: key })).toHaveLength(1);
  expect(v.square.payments({ idempotencyKey: key })[0]).toMatchObject({ amount_money: { amount: 1234 } });

  await result.getByRole('button', { name: 'Retry with the same key' }).click();
  await expect(result).toContainText('no second charge was made');
  await expect(result.locator('dd').nth(2)).toHaveText('2');
  expect(v.square.payments({ idempotencyKey: key })).toHaveLength(1);

  await result.getByRole('button', { name: 'Refund' }).click();
  await expect(result).toContainText('Refunded');
  await mk.screenshot('charges-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await mk.screenshot('charges-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The ledger lists the attempt; the filter narrows by status.
  const ledger = page.getByRole('table', { name: 'Charge attempts' });
  await expect(ledger.getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('declined');
  await expect(ledger.getByRole('row')).toHaveCount(1);
  await expect(page.getByText('0 of 1 attempts')).toBeVisible();
  expect(await page.content()).not.toContain(v.squareSandbox.personalToken);
});

test('Clover: a decline scenario is explained in plain words; an approval charges once', async ({ mk }) => {
  const clover = mk.vendors!.clover;
  const { merchant, tokens } = clover.seed.connectedMerchant();
  const token = await seedCredential(mk, tokens.access_token, {
    label: 'Clover sandbox',
    environment: 'sandbox',
    provider: 'clover',
    kind: 'access_token',
  });
  // The charge needs the merchant (an inspection names it) and its PAKMS key: both through main, as
  // the details panel's Inspect and Fetch PAKMS key do.
  expect((await mk.core.invoke('credentials.inspect', { id: token.id })).ok).toBe(true);
  const pakms = await mk.core.invoke('clover.fetchPakmsKey', { id: token.id });
  expect(pakms.ok).toBe(true);
  await openLab(mk);
  const { page } = mk;
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Declines: Visa 4005 5717 0222 2222' });
  await page.getByRole('button', { name: 'Send test charge' }).click();
  const result = page.getByRole('region', { name: 'Last attempt' });
  await expect(result).toContainText('Declined');
  await expect(result.locator('p').nth(1)).not.toHaveText('');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Approves: Visa 4242' });
  await page.getByRole('button', { name: 'Send test charge' }).click();
  await expect(result).toContainText('Succeeded');
  const key = (await result.locator('dd').first().textContent())!;
  expect(clover.inspect.charges({ merchantId: merchant.id, idempotencyKey: key })).toHaveLength(1);
  await expect(page.getByRole('table', { name: 'Charge attempts' }).getByRole('row')).toHaveCount(3);
});
