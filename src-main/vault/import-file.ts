// Reads a .env or JSON file of known keys (env-keys.ts) into candidate secrets and metadata.
// Values never leave this module except to the keychain. Unknown keys are reported by name only
// when the name cannot itself be a secret (a JSON key or .env name may be a pasted token), and
// the report is bounded: a few names, then a count.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { Environment } from '@shared/vocabulary';
import { AppError } from '../errors/app-error';
import { METADATA_ENV_KEYS, SECRET_ENV_KEYS } from './env-keys';

export const MAX_IMPORT_FILE_BYTES = 256 * 1024;
export const MAX_SECRETS_PER_FILE = 100;
/** Skipped keys named one by one; the rest are counted. */
export const MAX_SKIPPED_NAMED = 20;

export interface Skipped {
  envName: string;
  reason: string;
}

export interface ParsedImport {
  secrets: { key: string; value: string }[];
  skipped: Skipped[];
  /** Skipped keys beyond MAX_SKIPPED_NAMED, and keys withheld because they look like credentials. */
  skippedMore: number;
  /** Each provider's merchant ID from the file, so a Clover ID never lands on a Square credential. */
  merchantIds: { clover: string | null; square: string | null };
  locationId: string | null;
  environments: { clover: Environment | null; square: Environment | null };
  /** Clover token expirations from the file (ISO), for the access and refresh token it holds. */
  expirations: { access: string | null; refresh: string | null };
}

const HINT =
  'Use a .env file (KEY=value lines) or a JSON object with keys such as SQUARE_ACCESS_TOKEN or CLOVER_APP_SECRET.';
const bad = (why: string) => new AppError('FILE_INVALID', `That file could not be imported: ${why}.`, HINT);

/** A name worth echoing: upper-case words with underscores, like every env name we know. */
const PLAIN_NAME = /^[A-Z][A-Z_]{0,15}(?:_[A-Z0-9]{1,20}){0,6}$/;

/** Unix seconds (Clover's *_expiration fields, clover-api.md §2) or an ISO time; null otherwise. */
export function asExpiry(v: string): string | null {
  const s = v.trim();
  if (/^\d{9,11}$/.test(s)) {
    const ms = Number(s) * 1000;
    return ms >= Date.UTC(2000, 0) && ms <= Date.UTC(2200, 0) ? new Date(ms).toISOString() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function asEnvironment(v: string | undefined): Environment | null {
  const s = v?.trim().toLowerCase();
  if (s === 'sandbox' || s === 'production') return s;
  if (s === 'prod' || s === 'live') return 'production';
  return null;
}

/** Reads at most MAX_IMPORT_FILE_BYTES + 1 bytes, so /proc files and files that grow are bounded too. */
export async function readImportText(filePath: string): Promise<string> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(filePath, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw bad('you do not have permission to read it');
    if (code === 'ENOENT') throw bad('it no longer exists');
    throw bad('it could not be opened');
  }
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw bad('it is not a regular file');
    const buf = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, total, buf.length - total, total).catch(() => {
        throw bad('it could not be read');
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_IMPORT_FILE_BYTES) throw bad('it is larger than 256 KB');
    }
    return buf.subarray(0, total).toString('utf8');
  } finally {
    await fh.close();
  }
}

export async function readImportFile(filePath: string): Promise<ParsedImport> {
  const text = (await readImportText(filePath)).replace(/^\uFEFF/, '');
  return parseImportText(text, path.extname(filePath).toLowerCase() === '.json' || /^\s*\{/.test(text));
}

export function parseImportText(text: string, isJson: boolean): ParsedImport {
  let entries: Record<string, unknown>;
  const body = text.replace(/^\uFEFF/, '');
  if (isJson) {
    try {
      entries = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw bad('it is not valid JSON');
    }
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries))
      throw bad('the JSON is not an object of keys');
  } else {
    entries = parseDotenv(body);
  }
  const out: ParsedImport = {
    secrets: [],
    skipped: [],
    skippedMore: 0,
    merchantIds: { clover: null, square: null },
    locationId: null,
    environments: { clover: null, square: null },
    expirations: { access: null, refresh: null },
  };
  const skip = (key: string, reason: string): void => {
    if (PLAIN_NAME.test(key) && out.skipped.length < MAX_SKIPPED_NAMED) out.skipped.push({ envName: key, reason });
    else out.skippedMore += 1;
  };
  for (const [rawKey, value] of Object.entries(entries)) {
    const key = rawKey.trim().toUpperCase().slice(0, 100);
    if (typeof value !== 'string' || value.trim() === '') {
      skip(key, 'empty or not text');
    } else if (Object.hasOwn(SECRET_ENV_KEYS, key)) {
      out.secrets.push({ key, value: value.trim() });
    } else if (Object.hasOwn(METADATA_ENV_KEYS, key)) {
      const field = METADATA_ENV_KEYS[key as keyof typeof METADATA_ENV_KEYS];
      const id = /^[A-Za-z0-9_-]{1,191}$/.test(value.trim()) ? value.trim() : null;
      if (field === 'cloverMerchantId') out.merchantIds.clover = id;
      else if (field === 'squareMerchantId') out.merchantIds.square = id;
      else if (field === 'locationId') out.locationId = id;
      else if (field === 'cloverAccessExpiration' || field === 'cloverRefreshExpiration') {
        const at = asExpiry(value);
        if (at === null) skip(key, 'not a Unix time in seconds or an ISO time');
        else out.expirations[field === 'cloverAccessExpiration' ? 'access' : 'refresh'] = at;
      } else out.environments[field === 'cloverEnvironment' ? 'clover' : 'square'] = asEnvironment(value);
    } else {
      skip(key, 'not a key Merchant Keychain knows');
    }
  }
  if (out.secrets.length === 0) throw bad('it has none of the known credential keys');
  if (out.secrets.length > MAX_SECRETS_PER_FILE) throw bad(`it has more than ${MAX_SECRETS_PER_FILE} credentials`);
  return out;
}
