// Requests screen: the outbound HTTP log as main reports it.
import { test, expect } from './fixtures';
import { lastIpc } from './helpers';

test.describe('requests', () => {
  test('the request log screen renders what main reports, with a refresh', async ({ mk }) => {
    await mk.open();
    const { page } = mk;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Requests' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
    await expect(page.getByText('Tokens in paths are redacted.')).toBeVisible();

    // This core makes no vendor calls from the channels the UI has today, so the log is empty;
    // the table itself is covered by test/unit/renderer/requests.test.tsx.
    const listed = lastIpc(mk, 'requests.list');
    expect(listed.payload).toEqual({ limit: 200 });
    expect(listed.response).toEqual({ ok: true, data: { items: [] } });
    await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
    await expect(page.getByText(/idempotency key and attempt number/)).toBeVisible();
    await mk.screenshot('requests');

    const before = mk.ipc.filter((r) => r.channel === 'requests.list').length;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => mk.ipc.filter((r) => r.channel === 'requests.list').length).toBe(before + 1);
  });
});
