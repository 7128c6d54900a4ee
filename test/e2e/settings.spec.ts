// Settings screen: the clipboard clear delay, stored by main, used by the next copy.
import { test, expect } from './fixtures';
import { SAMPLE, lastIpc, seedCredential } from './helpers';

test.describe('settings', () => {
  test('change the clipboard clear delay: main stores it and the next copy uses it', async ({ mk }) => {
    await seedCredential(mk, SAMPLE.squareToken, { label: 'Checkout token', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();

    const seconds = page.getByRole('spinbutton', { name: 'Clear the clipboard after' });
    await expect(seconds).toHaveValue('30');
    const save = page.getByRole('button', { name: 'Save' });
    await expect(save).toBeDisabled();
    await expect(page.getByRole('region', { name: 'About' })).toContainText(mk.service);
    await mk.screenshot('settings');

    // Out of range: refused in the form, nothing sent.
    await seconds.fill('3');
    await save.click();
    await expect(page.getByText('Enter a whole number of seconds from 5 to 600.')).toBeVisible();
    await expect(seconds).toHaveAttribute('aria-invalid', 'true');
    expect(mk.ipc.some((r) => r.channel === 'settings.update')).toBe(false);
    await mk.screenshot('settings-invalid');

    await seconds.fill('45');
    await save.click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    expect(lastIpc(mk, 'settings.update').payload).toEqual({ clipboardClearSeconds: 45 });

    // Main's state: a reload reads it back.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await expect(seconds).toHaveValue('45');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Credentials' }).click();
    await page.getByRole('button', { name: 'Copy Checkout token' }).click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toContainText('clipboard clears in 45 s');
  });

  test('when the countdown ends, main clears the clipboard and the toast says so', async ({ mk }) => {
    await mk.core.invoke('settings.update', { clipboardClearSeconds: 5 });
    await seedCredential(mk, SAMPLE.squareAppSecret, { label: 'App secret', environment: 'sandbox' });
    await mk.open();
    const { page } = mk;
    await page.getByRole('button', { name: 'Copy App secret' }).click();
    await page.getByRole('menuitem', { name: 'Raw value' }).click();
    // The copy is an IPC round trip: wait for main's answer (the toast) before reading the clipboard.
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(mk.clipboard.text).toBe(SAMPLE.squareAppSecret);
    await expect(page.getByRole('status').filter({ hasText: 'Clipboard cleared' })).toBeVisible({ timeout: 10_000 });
    expect(mk.clipboard.text).toBe('');
    expect(mk.events).toContainEqual({ event: 'clipboard.cleared', payload: { reason: 'timeout' } });
    await mk.screenshot('clipboard-cleared-toast');
  });
});
