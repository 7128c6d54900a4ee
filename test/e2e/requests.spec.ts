// Requests screen: the outbound HTTP log as main reports it. The only vendor call the UI can make
// today is "Check connection" (network.check, no credential sent); the fixture points the sandbox
// hosts at a loopback stand-in and Square production at a closed port.
import { test, expect } from './fixtures';
import { lastIpc } from './helpers';

test.describe('requests', () => {
  test('an empty log explains what will appear there', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
    await expect.poll(() => mk.ipc.some((r) => r.channel === 'requests.list')).toBe(true);
    expect(lastIpc(mk, 'requests.list')).toEqual({
      channel: 'requests.list',
      payload: { limit: 200 },
      response: { ok: true, data: { items: [] } },
    });
    await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
    await expect(page.getByText(/idempotency key and attempt number/)).toBeVisible();
    await mk.screenshot('requests-empty');
  });

  test('connection checks go through main and show up in the request log', async ({ mk, vendor }) => {
    await mk.open();
    const { page } = mk;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests' }).click();
    const target = page.getByRole('combobox', { name: 'Connection to check' });
    const check = page.getByRole('button', { name: 'Check connection' });
    const hitsBefore = vendor.hits.length;

    await expect(target).toHaveValue('square.sandbox');
    await check.click();
    await expect(page.getByRole('status').filter({ hasText: 'Square sandbox is reachable' })).toContainText(
      '(HTTP 404 in',
    );
    await target.selectOption('clover.sandbox');
    await check.click();
    await expect(page.getByRole('status').filter({ hasText: 'Clover sandbox is reachable' })).toContainText(
      '(HTTP 200 in',
    );
    await target.selectOption('square.production');
    await check.click();
    await expect(page.getByRole('status').filter({ hasText: 'Square production is not reachable' })).toBeVisible();

    // The stand-in saw two plain GETs and no credential.
    expect(vendor.hits.slice(hitsBefore)).toEqual([
      { method: 'GET', url: '/square-sandbox/', authorization: undefined },
      { method: 'GET', url: '/clover-sandbox/', authorization: undefined },
    ]);

    const table = page.getByRole('table', { name: 'Request log' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Time',
      'Provider',
      'Method',
      'Host',
      'Path',
      'Status',
      'Duration',
      'Idempotency key',
      'Attempt',
      'Copy',
    ]);
    const rows = table.getByRole('row');
    // Newest first: the refused connection (one attempt: a reachability check is not retried), then Clover, then Square.
    await expect(rows).toHaveCount(4);
    const refused = rows.nth(1).getByRole('cell');
    await expect(refused.nth(1)).toHaveText('Square');
    await expect(refused.nth(4)).toContainText(
      /Could not connect to 127\.0\.0\.1:\d+ \(connection refused\)\. \[ECONNREFUSED\]/,
    );
    await expect(refused.nth(5)).toHaveText('Failed');
    await expect(refused.nth(8)).toHaveText('1');
    await expect(rows.nth(2).getByRole('cell')).toHaveText([
      /\d\d:\d\d:\d\d/,
      'Clover',
      'GET',
      /^127\.0\.0\.1:\d+$/,
      '/clover-sandbox/',
      '200',
      /^\d+ ms$/,
      '—',
      '1',
      'curl',
    ]);
    await expect(rows.nth(3).getByRole('cell').nth(4)).toHaveText('/square-sandbox/');
    await expect(rows.nth(3).getByRole('cell').nth(5)).toHaveText('404');
    await mk.screenshot('requests');

    // Filters: only failures, then only Clover, then text.
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('failed');
    await expect(rows).toHaveCount(3); // the refused one and Square's 404
    await expect(page.getByText('2 of 3 requests')).toBeVisible();
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('');
    await page.getByRole('combobox', { name: 'Vendor' }).selectOption('clover');
    await expect(rows).toHaveCount(2);
    await page.getByRole('combobox', { name: 'Vendor' }).selectOption('');
    await page.getByRole('textbox', { name: 'Search' }).fill('connection refused');
    await expect(rows).toHaveCount(2);

    // Copy as curl: the clipboard gets the command from main, the screen shows it.
    await page.getByRole('button', { name: /^Copy as curl: GET / }).click();
    await expect(page.getByRole('region', { name: /Copied as curl/ })).toContainText("curl -X GET 'http://127.0.0.1:");
    expect(mk.clipboard.text).toMatch(/^curl -X GET 'http:\/\/127\.0\.0\.1:\d+\/'/); // the refused one, still filtered
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toContainText('curl command copied');
  });
});
