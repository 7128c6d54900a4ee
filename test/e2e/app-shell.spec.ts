// The frame around every screen: header with keychain status, sidebar navigation, CSP.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../src-main/window';
import { SAMPLE, seedCredential } from './helpers';

test.describe('app shell', () => {
  test('header shows the app name and the keychain status from main', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    await expect(page.getByRole('banner')).toContainText('Merchant Keychain');
    await expect(page.getByRole('status', { name: 'Keychain connected' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(mk.service);
  });

  test('sidebar navigates between screens; Expiry is marked coming soon', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button', { name: 'Credentials' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('button', { name: 'Diagram', exact: true })).toBeEnabled();
    await expect(nav.getByRole('button', { name: 'Expiry (coming soon)' })).toBeDisabled();

    await nav.getByRole('button', { name: 'Requests' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Requests' })).toHaveAttribute('aria-current', 'page');

    await nav.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    await nav.getByRole('button', { name: 'Credentials' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Credentials' })).toBeVisible();
  });

  test('the renderer CSP is the one the Electron shell sets, and nothing violates it', async ({ mk }) => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);

    await mk.open();
    // Served by the shell's own app:// handler (test/e2e/static-server.ts), header included.
    const served = await mk.page.request.get(mk.page.url());
    expect(served.headers()['content-security-policy']).toBe(RENDERER_CSP_HEADER);
    // No inline style or script got in: every <style> / <script> is from 'self'.
    const inline = await mk.page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ src?: string }> } })
        .document;
      return Array.from(d.querySelectorAll('style, script:not([src])')).length;
    });
    expect(inline).toBe(0);
    // The fixture fails the test on any console error, which is where CSP violations go.
  });

  test('at the smallest window size (960×640) the table scrolls inside its frame, not the page', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout sandbox token', environment: 'sandbox' });
    await seedCredential(mk, SAMPLE.squareAppSecret, { label: 'Checkout app secret', environment: 'sandbox' });
    await seedCredential(mk, SAMPLE.cloverPakms, {
      label: 'Clover PAKMS key for the web checkout',
      environment: 'production',
    });
    await mk.page.setViewportSize({ width: 960, height: 640 });
    await mk.open();
    const { page } = mk;
    await expect(page.getByRole('table', { name: 'Credentials' }).getByRole('row')).toHaveCount(4);
    const overflow = await page.evaluate(() => {
      const d = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document;
      return d.documentElement.scrollWidth - d.documentElement.clientWidth;
    });
    expect(overflow, 'no horizontal scrolling of the whole window').toBe(0);
    await mk.screenshot('credentials-list-960');
  });
});
