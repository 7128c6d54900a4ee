// The credentials.* channels: import (clipboard, file), confirm, update, delete, copy, list.
// Order of writes keeps "nothing lost": keychain first, then metadata; a failed metadata write
// removes the keychain item it just added, so neither side keeps half an import.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CredentialView, PendingImport, Proposal, RequestOf, ResponseOf } from '../ipc/contract';
import { KINDS } from '../ipc/contract';
import { AppError, notFound } from '../ipc/errors';
import type { Logger } from '../log/logger';
import type { RedactionRegistry } from '../log/redaction';
import type { ClipboardGuard, Clipboard } from '../clipboard/clipboard-guard';
import type { MetadataIndex } from '../vault/metadata-index';
import type { SecretStore } from '../vault/secret-store';
import { classify, normaliseSecret, MAX_SECRET_LENGTH } from '../vault/classifier';
import { fingerprint } from '../vault/fingerprint';
import { readImportFile } from '../vault/import-file';
import { SECRET_ENV_KEYS } from '../vault/env-keys';
import { formatForCopy } from './copy-formats';

export interface Dialogs {
  openFile(o: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

export interface CredentialDeps {
  index: MetadataIndex;
  store: SecretStore;
  redaction: RedactionRegistry;
  logger: Logger;
  clipboard: Clipboard;
  guard: ClipboardGuard;
  dialogs: Dialogs | null;
  clock: () => Date;
  emitChanged: (ids: string[]) => void;
}

const defaultLabel = (p: Proposal, fp: string): string => `${p.provider === 'clover' ? 'Clover' : 'Square'} ${p.kind.replace(/_/g, ' ')} ${fp.split(' · ')[1]}`;

export function createCredentialService(d: CredentialDeps) {
  const now = (): string => d.clock().toISOString();

  const mustGet = (id: string): CredentialView => {
    const c = d.index.get(id);
    if (!c) throw notFound('credential');
    return c;
  };

  /** Stores one secret as a pending credential; rolls the keychain item back if metadata fails. */
  async function addPending(value: string, proposal: Proposal, source: CredentialView['source'], extra: Partial<CredentialView> = {}): Promise<PendingImport> {
    d.redaction.register(value);
    const fp = fingerprint(value);
    const t = now();
    const credential: CredentialView = {
      id: randomUUID(), provider: proposal.provider, kind: proposal.kind, environment: proposal.environment,
      label: defaultLabel(proposal, fp), status: 'pending', fingerprint: fp, source, addedAt: t, updatedAt: t,
      expiresAt: null, lastCheckedAt: null, merchantId: null, appId: null, locationId: null, ...extra,
    };
    await d.store.set(credential.id, value);
    try {
      await d.index.mutate((draft) => void draft.credentials.push(credential));
    } catch (e) {
      await d.store.delete(credential.id).catch(() => undefined);
      throw e;
    }
    d.logger.info('credential.added', { id: credential.id, provider: credential.provider, kind: credential.kind, source });
    return { credential, proposal };
  }

  async function importFromClipboard(): Promise<ResponseOf<'credentials.importFromClipboard'>> {
    const raw = await d.clipboard.readText();
    if (raw.length > MAX_SECRET_LENGTH * 2) throw new AppError('UNRECOGNIZED_SECRET', 'The clipboard holds too much text to be one credential.', 'Copy only the credential itself.');
    const value = normaliseSecret(raw);
    const proposal = classify(value); // throws before anything is stored; the clipboard is left alone
    const pending = await addPending(value, proposal, 'clipboard');
    const clipboardCleared = await d.guard.clearIfHolds(raw);
    d.emitChanged([pending.credential.id]);
    return { pending, clipboardCleared };
  }

  async function importFromFile(): Promise<ResponseOf<'credentials.importFromFile'>> {
    if (!d.dialogs) throw new AppError('UNSUPPORTED', 'Opening files is not available here.');
    const file = await d.dialogs.openFile({ title: 'Import credentials', filters: [{ name: 'Credentials (.env, JSON)', extensions: ['env', 'json', 'txt'] }] });
    if (file === null) return { cancelled: true, fileName: null, pending: [], skipped: [] };
    const parsed = await readImportFile(file);
    const pending: PendingImport[] = [];
    for (const { key, value } of parsed.secrets) {
      const known = SECRET_ENV_KEYS[key]!;
      let proposal: Proposal;
      try {
        const guess = classify(value);
        // The key names the kind; the value's format may still tell the environment.
        proposal = guess.provider === known.provider && guess.kind === known.kind
          ? guess
          : { ...known, environment: null, confidence: 'documented', reason: `Named ${key} in the file.` };
      } catch {
        parsed.skipped.push({ envName: key, reason: 'the value is not a credential (spaces, too long or too short)' });
        continue;
      }
      const fileEnvironment = parsed.environments[known.provider];
      if (proposal.environment === null && fileEnvironment !== null) {
        const envKey = `${known.provider.toUpperCase()}_ENVIRONMENT`;
        proposal = { ...proposal, environment: fileEnvironment, reason: `${proposal.reason.split(';')[0]}; environment from ${envKey} in the file.`.slice(0, 200) };
      }
      pending.push(await addPending(value, proposal, 'file', {
        merchantId: parsed.merchantIds[known.provider],
        locationId: known.provider === 'square' ? parsed.locationId : null,
      }));
    }
    d.emitChanged(pending.map((p) => p.credential.id));
    return { cancelled: false, fileName: path.basename(file).slice(0, 255), pending, skipped: parsed.skipped };
  }

  async function confirm(req: RequestOf<'credentials.confirm'>): Promise<CredentialView> {
    mustGet(req.id);
    if (!(KINDS[req.provider] as readonly string[]).includes(req.kind)) {
      throw new AppError('INVALID_REQUEST', `A ${req.provider} credential cannot be a ${req.kind.replace(/_/g, ' ')}.`, null, ['kind']);
    }
    return update(req.id, { provider: req.provider, kind: req.kind, environment: req.environment, label: req.label.trim(), status: 'active' });
  }

  async function update(id: string, patch: Partial<CredentialView>): Promise<CredentialView> {
    mustGet(id);
    const updated = await d.index.mutate((draft) => {
      const i = draft.credentials.findIndex((c) => c.id === id);
      const next = { ...draft.credentials[i]!, ...patch, updatedAt: now() };
      draft.credentials[i] = next;
      return next;
    });
    d.logger.info('credential.updated', { id, fields: Object.keys(patch).join(',') });
    d.emitChanged([id]);
    return updated;
  }

  async function remove(id: string): Promise<{ id: string }> {
    mustGet(id);
    await d.store.delete(id);
    await d.index.mutate((draft) => void (draft.credentials = draft.credentials.filter((c) => c.id !== id)));
    d.logger.info('credential.deleted', { id });
    d.emitChanged([id]);
    return { id };
  }

  async function copySecret(req: RequestOf<'credentials.copySecret'>): Promise<ResponseOf<'credentials.copySecret'>> {
    const c = mustGet(req.id);
    const value = await d.store.get(c.id);
    if (value === null) throw new AppError('NOT_FOUND', 'This credential is missing from the keychain.', 'Run the consistency check; the keychain item may have been removed outside Merchant Keychain.');
    d.redaction.register(value);
    const text = formatForCopy(c, value, req.format);
    const seconds = d.index.settings.clipboardClearSeconds;
    await d.guard.copy(text, seconds);
    d.logger.info('credential.copied', { id: c.id, format: req.format, clearsInSeconds: seconds });
    return { format: req.format, clearsInSeconds: seconds };
  }

  return {
    list: () => ({ items: d.index.list() }),
    importFromClipboard,
    importFromFile,
    confirm,
    update: (req: RequestOf<'credentials.update'>) => {
      const { id, ...patch } = req;
      return update(id, patch);
    },
    remove,
    copySecret,
  };
}
