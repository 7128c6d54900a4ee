// credentials.importFromClipboard and credentials.importFromFile: main reads the value (the
// renderer never does), proposes what it is, and stores it as pending for the user to confirm.
import path from 'node:path';
import type { Proposal, ResponseOf } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors/app-error';
import { classify, isForeignCredential, MAX_SECRET_LENGTH, normaliseSecret } from '../vault/classifier';
import { SECRET_ENV_KEYS } from '../vault/env-keys';
import { parseImportText, readImportText, type ParsedImport } from '../vault/import-file';
import { parseTokenResponse, type TokenPaste } from '../vault/token-response';
import { keychainStateOf } from '../vault/secret-store';
import type { ValueHasher } from '../vault/value-hash';
import { createAdder, IMPORT_LOCK, type NewCredential } from './add-credentials';
import { linkItems } from './file-links';
import { importPair } from './import-pair';

/** Text that names an access_token field: a token-endpoint answer, so it holds secrets. */
const holdsTokens = (text: string): boolean => /"access_token"\s*:/.test(text);
import { assertNoSecretInMetadata } from './metadata-guard';

type Deps = Pick<
  CoreDeps,
  'index' | 'store' | 'redaction' | 'logger' | 'clock' | 'locks' | 'clipboard' | 'guard' | 'dialogs'
> & {
  hasher: ValueHasher;
  emitChanged(ids: string[]): void;
};

export function createImporters(d: Deps) {
  const adder = createAdder(d);

  /**
   * A paste that fails after reading a secret must not leave it on the clipboard unannounced:
   * it is cleared (the user pasted it to store it), and the error says so.
   */
  async function failPaste(e: unknown, raw: string): Promise<never> {
    const keychain = keychainStateOf(e) !== null;
    const duplicate = e instanceof AppError && e.code === 'CONFLICT';
    if (!(e instanceof AppError) || !(keychain || duplicate || isForeignCredential(raw) || holdsTokens(raw))) throw e;
    const cleared = await d.guard.clearIfHolds(raw).catch(() => false);
    const note = cleared
      ? 'The clipboard was cleared.'
      : 'The value may still be on your clipboard: clear it, or copy something else.';
    throw new AppError(e.code, e.message, [e.hint, note].filter(Boolean).join(' '), e.fields);
  }

  async function importFromClipboard(): Promise<ResponseOf<'credentials.importFromClipboard'>> {
    const raw = await d.clipboard.readText();
    if (raw.length > MAX_SECRET_LENGTH * 2) {
      throw new AppError(
        'UNRECOGNIZED_SECRET',
        'The clipboard holds too much text to be one credential.',
        'Copy only the credential itself.',
      );
    }
    const value = normaliseSecret(raw);
    try {
      const paste = parseTokenResponse(raw);
      if (paste) return await pastePair(paste, raw);
      const proposal = classify(value);
      const { added, duplicates } = await d.locks.run(IMPORT_LOCK, () =>
        adder.add([{ value, proposal, source: 'clipboard' }]),
      );
      if (duplicates[0]) {
        throw new AppError(
          'CONFLICT',
          `Already saved as "${duplicates[0].label}".`,
          'The same value is stored only once.',
        );
      }
      const pending = added[0]!;
      const clipboardCleared = await d.guard.clearIfHolds(raw);
      d.emitChanged([pending.credential.id]);
      return { pending, clipboardCleared };
    } catch (e) {
      return failPaste(e, raw);
    }
  }

  /** A token-endpoint answer on the clipboard: two linked credentials from one paste. */
  async function pastePair(paste: TokenPaste, raw: string): Promise<ResponseOf<'credentials.importFromClipboard'>> {
    const added = await d.locks.run(IMPORT_LOCK, () => importPair(adder, () => d.index.list(), paste, 'clipboard'));
    const clipboardCleared = await d.guard.clearIfHolds(raw);
    d.emitChanged(added.map((p) => p.credential.id));
    return { pending: added[0]!, linked: added.slice(1), clipboardCleared };
  }

  /** The proposal for one file key: the key names the kind; the value's format may tell the environment. */
  function proposalFor(key: string, value: string, parsed: ParsedImport): Proposal | null {
    const known = SECRET_ENV_KEYS[key]!;
    let proposal: Proposal;
    try {
      const guess = classify(value);
      proposal =
        guess.provider === known.provider && guess.kind === known.kind
          ? guess
          : ({
              ...known,
              environment: null,
              confidence: 'documented',
              reason: `Named ${key} in the file.`,
            } as Proposal);
    } catch {
      return null;
    }
    const fileEnvironment = parsed.environments[known.provider];
    if (proposal.environment === null && fileEnvironment !== null) {
      const envKey = `${known.provider.toUpperCase()}_ENVIRONMENT`;
      proposal = {
        ...proposal,
        environment: fileEnvironment,
        reason: `${proposal.reason.split(';')[0]}; environment from ${envKey} in the file.`.slice(0, 200),
      };
    }
    return proposal;
  }

  async function importFromFile(): Promise<ResponseOf<'credentials.importFromFile'>> {
    if (!d.dialogs) throw new AppError('UNSUPPORTED', 'Opening files is not available here.');
    const file = await d.dialogs.openFile({
      title: 'Import credentials',
      filters: [{ name: 'Credentials (.env, JSON)', extensions: ['env', 'json', 'txt'] }],
    });
    if (file === null) return { cancelled: true, fileName: null, pending: [], skipped: [], skippedMore: 0 };
    const text = await readImportText(file);
    const fileName = path.basename(file).slice(0, 255);
    // A saved token-endpoint answer (lower-case access_token) is a pair, not a list of env keys.
    const paste = holdsTokens(text) ? parseTokenResponse(text) : null;
    if (paste) {
      const pending = await d.locks.run(IMPORT_LOCK, () => importPair(adder, () => d.index.list(), paste, 'file'));
      d.emitChanged(pending.map((p) => p.credential.id));
      return { cancelled: false, fileName, pending, skipped: [], skippedMore: 0 };
    }
    const parsed = parseImportText(text, path.extname(file).toLowerCase() === '.json' || /^\s*\{/.test(text));
    await assertNoSecretInMetadata(
      {
        CLOVER_MERCHANT_ID: parsed.merchantIds.clover,
        SQUARE_MERCHANT_ID: parsed.merchantIds.square,
        SQUARE_LOCATION_ID: parsed.locationId,
      },
      d,
      (key) => key,
    ).catch((e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      throw new AppError(
        'FILE_INVALID',
        `That file could not be imported: ${e.fields[0]} holds a credential, not an ID.`,
        'Put IDs in the ID keys and secrets in the secret keys, then import again.',
        e.fields,
      );
    });
    const skipped = [...parsed.skipped];
    let skippedMore = parsed.skippedMore;
    const items: (NewCredential & { key: string })[] = [];
    for (const { key, value } of parsed.secrets) {
      const proposal = proposalFor(key, value, parsed);
      if (!proposal) {
        skipped.push({ envName: key, reason: 'the value is not a credential (spaces, too long or too short)' });
        continue;
      }
      items.push({
        key,
        value,
        proposal,
        source: 'file',
        extra: {
          merchantId: parsed.merchantIds[proposal.provider],
          locationId: proposal.provider === 'square' ? parsed.locationId : null,
        },
      });
    }
    linkItems(items, parsed);
    let result: Awaited<ReturnType<typeof adder.add>>;
    try {
      result = await d.locks.run(IMPORT_LOCK, () => adder.add(items));
    } catch (e) {
      d.emitChanged([]); // nothing was kept, but the renderer re-reads the list and the consistency report
      throw e;
    }
    for (const dup of result.duplicates)
      skipped.push({ envName: items[dup.index]!.key, reason: `already saved as "${dup.label}"`.slice(0, 200) });
    if (skipped.length > 50) {
      skippedMore += skipped.length - 50;
      skipped.length = 50;
    }
    d.emitChanged(result.added.map((p) => p.credential.id));
    return { cancelled: false, fileName, pending: result.added, skipped, skippedMore };
  }

  return { importFromClipboard, importFromFile };
}
