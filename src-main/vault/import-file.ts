// Reads a .env or JSON file of known keys (env-keys.ts) into candidate secrets and metadata.
// Unknown keys are reported by name only; values never leave this module except to the keychain.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AppError } from '../ipc/errors';
import { METADATA_ENV_KEYS, SECRET_ENV_KEYS } from './env-keys';
import type { Environment } from '../ipc/contract';
import type { z } from 'zod';

export const MAX_IMPORT_FILE_BYTES = 256 * 1024;

export interface ParsedImport {
  secrets: { key: string; value: string }[];
  skipped: { envName: string; reason: string }[];
  /** Each provider's merchant ID from the file, so a Clover ID never lands on a Square credential. */
  merchantIds: { clover: string | null; square: string | null };
  locationId: string | null;
  environments: { clover: z.infer<typeof Environment> | null; square: z.infer<typeof Environment> | null };
}

const bad = (why: string) => new AppError('FILE_INVALID', `That file could not be imported: ${why}.`, 'Use a .env file (KEY=value lines) or a JSON object with keys such as SQUARE_ACCESS_TOKEN or CLOVER_APP_SECRET.');

function asEnvironment(v: string | undefined): z.infer<typeof Environment> | null {
  const s = v?.trim().toLowerCase();
  if (s === 'sandbox' || s === 'production') return s;
  if (s === 'prod' || s === 'live') return 'production';
  return null;
}

export async function readImportFile(filePath: string): Promise<ParsedImport> {
  const stat = await fs.stat(filePath).catch(() => null);
  if (!stat?.isFile()) throw bad('it is not a readable file');
  if (stat.size > MAX_IMPORT_FILE_BYTES) throw bad('it is larger than 256 KB');
  const text = await fs.readFile(filePath, 'utf8');
  return parseImportText(text, path.extname(filePath).toLowerCase() === '.json' || /^\s*\{/.test(text));
}

export function parseImportText(text: string, isJson: boolean): ParsedImport {
  let entries: Record<string, unknown>;
  if (isJson) {
    try {
      entries = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw bad('it is not valid JSON');
    }
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw bad('the JSON is not an object of keys');
  } else {
    entries = parseDotenv(text);
  }
  const out: ParsedImport = { secrets: [], skipped: [], merchantIds: { clover: null, square: null }, locationId: null, environments: { clover: null, square: null } };
  for (const [rawKey, value] of Object.entries(entries)) {
    const key = rawKey.trim().toUpperCase().slice(0, 100);
    if (typeof value !== 'string' || value.trim() === '') {
      out.skipped.push({ envName: key, reason: 'empty or not text' });
    } else if (Object.hasOwn(SECRET_ENV_KEYS, key)) {
      out.secrets.push({ key, value: value.trim() });
    } else if (Object.hasOwn(METADATA_ENV_KEYS, key)) {
      const field = METADATA_ENV_KEYS[key as keyof typeof METADATA_ENV_KEYS];
      const id = /^[A-Za-z0-9_-]{1,191}$/.test(value.trim()) ? value.trim() : null;
      if (field === 'cloverMerchantId') out.merchantIds.clover = id;
      else if (field === 'squareMerchantId') out.merchantIds.square = id;
      else if (field === 'locationId') out.locationId = id;
      else out.environments[field === 'cloverEnvironment' ? 'clover' : 'square'] = asEnvironment(value);
    } else {
      out.skipped.push({ envName: key, reason: 'not a key Merchant Keychain knows' });
    }
  }
  if (out.secrets.length === 0) throw bad('it has none of the known credential keys');
  if (out.secrets.length > 100) throw bad('it has more than 100 credentials');
  return out;
}
