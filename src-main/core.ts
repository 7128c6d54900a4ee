// createCore(options): the whole app without Electron. The shell wires it to ipcMain; tests and
// the benchmark call it directly. Every dependency that touches the outside world is an option.
import { EventEmitter } from 'node:events';
import { CHANNELS, events, type Channel, type EventName, type EventOf, type IpcResult } from './ipc/contract';
import { createRouter, type Handlers } from './ipc/router';
import { AppError } from './ipc/errors';
import { RedactionRegistry } from './log/redaction';
import { createLogger, type Logger } from './log/logger';
import { MetadataIndex } from './vault/metadata-index';
import { createKeytarStore, type SecretStore } from './vault/secret-store';
import { checkConsistency } from './vault/consistency';
import { ClipboardGuard, createMemoryClipboard, type Clipboard } from './clipboard/clipboard-guard';
import { createCredentialService, type Dialogs } from './credentials/credential-service';
import { createRequestLog } from './providers/request-log';
import { EndpointOverrides } from './providers/hosts';
import { createHttpContext } from './providers/http-context';
import { checkReachability } from './providers/reachability';
import { normalizeDocsUrl } from './links/docs-allowlist';

export interface CoreOptions {
  dataDir: string;
  secretStore?: SecretStore;
  /** Keychain service name when secretStore is not given (tests use a unique one per run). */
  keychainService?: string;
  keychainTimeoutMs?: number;
  clipboard?: Clipboard;
  dialogs?: Dialogs;
  openExternal?: (url: string) => Promise<void>;
  /** Vendor base-URL overrides, for the local stand-ins in tests. */
  endpoints?: EndpointOverrides;
  /** Plain HTTP to loopback only; never set by the Electron shell. */
  allowLoopbackHttp?: boolean;
  clock?: () => Date;
  version?: string;
  logEcho?: boolean;
}

export interface Core {
  invoke(channel: string, payload: unknown): Promise<IpcResult<Channel>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  close(): Promise<void>;
  /** For the shell and tests: the folder holding audit.log and credentials.json. */
  readonly dataDir: string;
  /** The one redacting logger, for the shell's own few lines. */
  log: Logger['log'];
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? (() => new Date());
  const redaction = new RedactionRegistry();
  const logger = createLogger({ dataDir: options.dataDir, redaction, clock, echo: options.logEcho });
  const index = new MetadataIndex(options.dataDir);
  const loaded = await index.load();
  if (loaded.quarantinedAs) logger.warn('index.invalid_moved_aside', { file: loaded.quarantinedAs });
  const store = options.secretStore ?? createKeytarStore({ service: options.keychainService, timeoutMs: options.keychainTimeoutMs });
  const clipboard = options.clipboard ?? createMemoryClipboard();
  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    bus.emit(event, events[event].parse(payload));
  };
  const guard = new ClipboardGuard(clipboard, (reason) => emit('clipboard.cleared', { reason }));
  const requestLog = createRequestLog();
  const http = createHttpContext({
    endpoints: EndpointOverrides.parse(options.endpoints ?? {}),
    allowLoopbackHttp: options.allowLoopbackHttp === true,
    logger, redaction, requestLog, clock,
  });
  const credentials = createCredentialService({
    index, store, redaction, logger, clipboard, guard, clock,
    dialogs: options.dialogs ?? null,
    emitChanged: (ids) => emit('credentials.changed', { ids: ids.slice(0, 1000) }),
  });

  // Reported, never repaired automatically (issue #2: "reports orphans on either side").
  let consistency = await checkConsistency(index, store, clock);
  if (consistency.missingFromKeychain.length || consistency.orphansInKeychain.length || !consistency.keychainReachable) {
    logger.warn('vault.inconsistent', {
      missingFromKeychain: consistency.missingFromKeychain.length, orphansInKeychain: consistency.orphansInKeychain.length, keychainReachable: consistency.keychainReachable,
    });
  }

  const handlers: Handlers = {
    'app.info': () => ({
      version: (options.version ?? '0.0.0').slice(0, 32),
      platform: process.platform,
      keychain: { service: store.service, reachable: consistency.keychainReachable },
    }),
    'credentials.list': () => credentials.list(),
    'credentials.importFromClipboard': () => credentials.importFromClipboard(),
    'credentials.importFromFile': () => credentials.importFromFile(),
    'credentials.confirm': (r) => credentials.confirm(r),
    'credentials.update': (r) => credentials.update(r),
    'credentials.delete': (r) => credentials.remove(r.id),
    'credentials.copySecret': (r) => credentials.copySecret(r),
    'credentials.checkConsistency': async () => (consistency = await checkConsistency(index, store, clock)),
    'requests.list': (r) => ({ items: requestLog.list(r.limit ?? 200) }),
    'network.check': (r) => checkReachability(http, r),
    'settings.get': () => index.settings,
    'settings.update': (r) => index.mutate((draft) => (draft.settings = { ...draft.settings, ...r })),
    'links.openDocs': async ({ url }) => {
      const safe = normalizeDocsUrl(url);
      if (safe === null || !options.openExternal) {
        throw new AppError('HOST_NOT_ALLOWED', 'Only vendor documentation links can be opened.', null, ['url']);
      }
      await options.openExternal(safe); /* eng-disable OPEN_EXTERNAL_JS_CHECK: only the canonical form of an allow-listed docs URL */
      return { opened: true };
    },
  };
  const invoke = createRouter(handlers, logger, redaction);
  logger.info('core.started', { channels: CHANNELS.length, credentials: index.list().length });

  let closed = false;
  return {
    dataDir: options.dataDir,
    log: logger.log,
    invoke,
    on(event, listener) {
      bus.on(event, listener as (p: unknown) => void);
      return () => bus.off(event, listener as (p: unknown) => void);
    },
    async close() {
      if (closed) return;
      closed = true;
      await guard.clearIfUnchanged('quit').catch(() => false);
      logger.info('core.closed');
      bus.removeAllListeners();
    },
  };
}
