// Invariant 5: every channel answers malformed payloads (wrong types, missing fields, extra fields,
// huge strings, unknown ids) with a typed error, and nothing changes on disk or in the keychain.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, ERROR_CODES, IpcError, type Channel } from '@shared/contract';
import { startCore, type CoreFixture } from '../helpers/core-fixture';

const HUGE = 'A'.repeat(1_000_000);
let f: CoreFixture;
let existingId = '';

/** A payload that passes validation for each channel, to mutate one field at a time. */
function validPayload(channel: Channel): Record<string, unknown> {
  const byChannel: Partial<Record<Channel, Record<string, unknown>>> = {
    'credentials.confirm': {
      id: existingId,
      provider: 'square',
      kind: 'access_token',
      environment: 'sandbox',
      label: 'ok',
    },
    'credentials.update': { id: existingId, label: 'ok' },
    'credentials.delete': { id: existingId },
    'credentials.copySecret': { id: existingId, format: 'raw' },
    'credentials.adoptOrphan': { account: randomUUID() },
    'credentials.inspect': { id: existingId },
    'credentials.inspectMany': { ids: [existingId] },
    'credentials.cancelInspection': { jobId: randomUUID() },
    'credentials.refresh': { id: existingId },
    'charges.create': {
      credentialId: existingId,
      amount: 100,
      currency: 'USD',
      scenario: 'ok',
      idempotencyKey: randomUUID(),
    },
    'charges.retry': { attemptId: randomUUID() },
    'charges.refund': { attemptId: randomUUID(), amount: 100 },
    'charges.list': { credentialId: existingId, limit: 10 },
    'reports.export': { format: 'csv', ids: [existingId] },
    'keychain.graph': { provider: 'clover', environment: 'sandbox', merchantId: 'TC4DGCJW1K4EW' },
    'credentials.deleteOrphan': { account: randomUUID() },
    'requests.list': { limit: 10 },
    'requests.copyCurl': { id: randomUUID() },
    'settings.update': { clipboardClearSeconds: 30 },
    'links.openDocs': { url: 'https://docs.clover.com/docs' },
    'clover.fetchPakmsKey': { id: existingId },
    'clover.connect': { environment: 'sandbox', appId: 'RKAPPID123S9C' },
    'clover.migrateToken': { id: existingId },
    'square.revokePreview': { id: existingId },
    'square.revoke': { id: existingId, onlyAccessToken: true },
    'square.connect': { environment: 'sandbox', applicationId: existingId, redirectPort: 5000 },
    'square.cancelConnect': {},
  };
  return byChannel[channel] ?? {};
}

type Schema = { safeParse(v: unknown): { success: boolean } };
/** One request field's schema; a per-provider request (a discriminated union) shares its fields. */
function fieldSchema(channel: Channel, key: string): Schema {
  const req = contract[channel].request as unknown as {
    shape?: Record<string, Schema>;
    options?: { shape: Record<string, Schema> }[];
  };
  return (req.shape ?? req.options![0]!.shape)[key]!;
}

function wrongTypeFor(value: unknown): unknown {
  return typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : 'not-an-object';
}

function badPayloads(channel: Channel): [string, unknown][] {
  const base = validPayload(channel);
  const out: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'credentials'],
    ['an array', [base]],
    ['an extra field', { ...base, secret: 'x' }],
    ['a prototype key', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['a huge string field', { ...base, huge: HUGE }],
  ];
  for (const [key, value] of Object.entries(base)) {
    const { [key]: _removed, ...missing } = base;
    const optional = fieldSchema(channel, key).safeParse(undefined).success;
    if (!optional) out.push([`missing ${key}`, missing]);
    out.push([`${key} of the wrong type`, { ...base, [key]: wrongTypeFor(value) }]);
    if (typeof value === 'string') out.push([`${key} huge`, { ...base, [key]: HUGE }]);
    if (key === 'id') out.push(['an unknown id', { ...base, id: randomUUID() }]);
  }
  return out;
}

async function snapshot(): Promise<string> {
  // audit.log is expected to grow (it records refused requests); everything else must not change.
  const names = (await fs.readdir(f.dataDir)).filter((n) => n !== 'audit.log').sort();
  const files = await Promise.all(names.map(async (n) => [n, await fs.readFile(path.join(f.dataDir, n), 'utf8')]));
  const keychain = (await keytar.findCredentials(f.service)).sort((a, b) => a.account.localeCompare(b.account));
  return JSON.stringify({ files, keychain, clipboard: f.clipboard.readText() });
}

beforeAll(async () => {
  f = await startCore({ openExternal: async () => undefined });
  f.clipboard.writeText('EAAAbadInputFixtureToken0123456789abcdef');
  existingId = (await f.call('credentials.importFromClipboard', {})).pending.credential.id;
  f.clipboard.writeText('untouched clipboard text');
});
afterAll(async () => f.cleanup());

describe.each(CHANNELS.map((c) => [c]))('%s', (channel) => {
  it.each(badPayloads(channel))('refuses %s with a typed error and changes nothing', async (_what, payload) => {
    const before = await snapshot();
    const r = await f.raw(channel, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(IpcError.parse(r.error).code).toBeOneOf([...ERROR_CODES]);
    expect(['INVALID_REQUEST', 'NOT_FOUND']).toContain(r.error.code);
    expect(JSON.stringify(r.error)).not.toContain('AAAAAAAAAA');
    expect(await snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('unknown channels', () => {
  it.each(['credentials.dump', '__proto__', 'constructor', 'toString', 42, null])('refuses %j', async (channel) => {
    const r = await f.core.invoke(channel as string, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('links.openDocs', () => {
  it.each(['https://evil.test/', 'http://docs.clover.com/', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'refuses %s',
    async (url) => {
      const r = await f.raw('links.openDocs', { url });
      expect(r.ok).toBe(false);
    },
  );
});
