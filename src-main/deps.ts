// What createCore builds once and hands to each domain's handlers (each takes only what it
// needs, by Pick). Type-only: core.ts is the one place that constructs these.
import type { EventName, EventOf } from '@shared/contract';
import type { Clipboard, ClipboardGuard } from './clipboard/clipboard-guard';
import type { Logger } from './log/logger';
import type { RedactionRegistry } from './log/redaction';
import type { HttpContext } from './providers/http/http-context';
import type { RequestLog } from './providers/http/request-log';
import type { MetadataIndex } from './vault/metadata-index';
import type { SecretStore } from './vault/secret-store';
import type { KeyedLock } from './concurrency/keyed-lock';

export interface Dialogs {
  openFile(o: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Where to save a file the user asked for (null: cancelled). */
  saveFile?(o: {
    title: string;
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
}

export interface CoreDeps {
  clock: () => Date;
  logger: Logger;
  redaction: RedactionRegistry;
  index: MetadataIndex;
  store: SecretStore;
  clipboard: Clipboard;
  guard: ClipboardGuard;
  dialogs: Dialogs | null;
  http: HttpContext;
  requestLog: RequestLog;
  /** One credential at a time: every change and every keychain read of a credential runs under it. */
  locks: KeyedLock;
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
}
