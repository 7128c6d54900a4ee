// @vitest-environment happy-dom
// Requests screen: the table of outbound requests as main reports them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { resetStore } from '../../../src-renderer/app/store';
import {
  click,
  fill,
  getByRole,
  installFakeKeychain,
  queryAllByRole,
  removeFakeKeychain,
  render,
  requestEntry,
  text,
  unmount,
} from './harness';

beforeEach(() => resetStore());
afterEach(async () => {
  await unmount();
  removeFakeKeychain();
});

describe('request log', () => {
  it('shows time, provider, method, host, redacted path, status, duration, idempotency key, attempt — newest first', async () => {
    const fake = installFakeKeychain({
      requests: [
        requestEntry({
          at: '2025-01-02T10:00:00.000Z',
          path: '/v3/access_tokens/[REDACTED]',
          provider: 'clover',
          host: 'apisandbox.dev.clover.com',
          status: 401,
          durationMs: 87,
        }),
        requestEntry({
          at: '2025-01-02T11:30:00.000Z',
          method: 'POST',
          path: '/v2/payments',
          status: 200,
          durationMs: 1530,
          idempotencyKey: '7f7e2a5c-1111-4222-8333-944455556666',
          attempt: 2,
        }),
        requestEntry({ at: '2025-01-02T09:00:00.000Z', status: null, error: 'timeout after 10 s', durationMs: 10000 }),
      ],
    });
    await render(App);
    await click(getByRole('button', 'Requests'));
    expect(fake.api.listRequests).toHaveBeenCalledWith(200);

    const table = getByRole('table', 'Request log');
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual([
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
    const rows = queryAllByRole('row', undefined, table.querySelector('tbody')!);
    expect(rows).toHaveLength(3);
    const cells = (r: HTMLElement) => [...r.querySelectorAll('td')].map((td) => text(td));
    const [first, second, third] = rows.map(cells);
    expect(first).toEqual([
      expect.stringMatching(/11:30:00/),
      'Square',
      'POST',
      'connect.squareupsandbox.com',
      '/v2/payments',
      '200',
      '1.53 s',
      '7f7e2a5c-1111-4222-8333-944455556666',
      '2',
      'curl',
    ]);
    expect(second).toEqual([
      expect.stringMatching(/10:00:00/),
      'Clover',
      'GET',
      'apisandbox.dev.clover.com',
      '/v3/access_tokens/[REDACTED]',
      '401',
      '87 ms',
      '—',
      '1',
      'curl',
    ]);
    expect(third![4]).toMatch(/^\/v2\/locations\s*timeout after 10 s$/);
    expect(third![5]).toBe('Failed');
  });

  it('has an empty state and a refresh button', async () => {
    const fake = installFakeKeychain();
    await render(App);
    await click(getByRole('button', 'Requests'));
    expect(text()).toContain('No requests yet');
    await click(getByRole('button', 'Refresh'));
    expect(fake.api.listRequests).toHaveBeenCalledTimes(2);
  });

  it('check connection asks main for the chosen provider and environment, shows the result, reloads the log', async () => {
    const fake = installFakeKeychain();
    await render(App);
    await click(getByRole('button', 'Requests'));
    await fill(getByRole('combobox', 'Connection to check'), 'clover.production');
    fake.api.checkNetwork.mockResolvedValueOnce({
      ok: true,
      data: { reachable: false, status: null, durationMs: 5000 },
    });
    await click(getByRole('button', 'Check connection'));
    expect(fake.api.checkNetwork).toHaveBeenCalledWith({ provider: 'clover', environment: 'production' });
    expect(text()).toContain('Clover production is not reachable (no answer in 5.00 s).');
    expect(fake.api.listRequests).toHaveBeenCalledTimes(2);
  });
});
