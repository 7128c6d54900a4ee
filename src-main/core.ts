// createCore(options): the whole app without Electron. The shell wires it to ipcMain; tests and
// the benchmark call it directly. It only builds the dependencies and combines each domain's
// handlers; every behaviour lives in a domain folder. Anything that touches the outside world is
// an option.
import { EventEmitter } from 'node:events';
import { CHANNELS, events, type Channel, type EventName, type EventOf, type IpcResult } from '@shared/contract';
import type { KeychainState } from '@shared/vocabulary';
import { ClipboardGuard, createMemoryClipboard, type Clipboard } from './clipboard/clipboard-guard';
import { createKeyedLock } from './concurrency/keyed-lock';
import { createChargesDomain } from './charges/handlers';
import { createCredentialsDomain } from './credentials/handlers';
import type { CoreDeps, Dialogs } from './deps';
import { createInspectDomain } from './inspect/handlers';
import type { Adapters } from './inspect/inspect-one';
import { combineHandlers } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { linkHandlers } from './links/handlers';
import { createLogger, type Logger } from './log/logger';
import { RedactionRegistry } from './log/redaction';
import { networkHandlers } from './network/handlers';
import { createAdapters } from './providers/adapters';
import { createCloverDomain } from './providers/clover/handlers';
import { createSquareDomain } from './providers/square/handlers';
import { EndpointOverrides } from './providers/http/hosts';
import { createHttpContext } from './providers/http/http-context';
import { createRequestLog } from './providers/http/request-log';
import { reportHandlers } from './reports/handlers';
import { settingsHandlers } from './settings/handlers';
import { statusHandlers } from './status/handlers';
import { MetadataIndex } from './vault/metadata-index';
import { recoverStaged } from './vault/rotation';
import { createKeytarStore, observeKeychain, type SecretStore } from './vault/secret-store';
import { createValueHasher } from './vault/value-hash';

export type { Dialogs };

export interface CoreOptions {
  dataDir: string;
  secretStore?: SecretStore;
  /** Keychain service name when secretStore is not given (tests use a unique one per run). */
  keychainService?: string;
  keychainTimeoutMs?: number;
  clipboard?: Clipboard;
  dialogs?: Dialogs;
  openExternal?: (url: string) => Promise<void>;
  /** Opens a vendor's OAuth authorize page in the system browser (square.connect, clover.connect).
   *  The core passes only URLs the vendor's own authorize allowlist accepts; the shell checks again. */
  openAuthorizeUrl?: (url: string) => Promise<void>;
  /** Vendor base-URL overrides, for the local stand-ins in tests. */
  endpoints?: EndpointOverrides;
  /** Plain HTTP to loopback only; never set by the Electron shell. */
  allowLoopbackHttp?: boolean;
  clock?: () => Date;
  version?: string;
  logEcho?: boolean;
  /** How long close() waits for calls in flight before clearing the clipboard (default 5 s). */
  closeTimeoutMs?: number;
  /** Vendor modules by provider (default: Clover and Square). */
  adapters?: Adapters;
  /** Bulk inspections in flight at once (default BULK_CONCURRENCY, 128; vendor limiters pace the requests). */
  bulkConcurrency?: number;
  /** How often expiry warnings are computed (default 15 min). */
  expiryCheckMs?: number;
  /** Per-host HTTP cap (default 4 in flight, 10 starts/s); see providers/http/http-context.ts. */
  hostLimits?: { maxConcurrent: number; maxPerWindow: number };
  /** Shorter waits for tests and the benchmark; the shell never sets these. */
  timing?: {
    httpTimeoutMs?: number;
    httpRetryBaseDelayMs?: number;
    chargeResendDelayMs?: number;
    refreshSaveRetryMs?: number;
    oauthCallbackTimeoutMs?: number;
  };
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
  const health = await index.load();
  if (health.state !== 'ok')
    logger.warn('index.load', { state: health.state, setAside: health.setAside, files: health.files.join(',') });
  if (health.migratedFrom !== null) logger.info('index.migrated', { from: health.migratedFrom });

  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    bus.emit(event, events[event].parse(payload));
  };
  let keychainState: KeychainState = 'ok';
  const rawStore =
    options.secretStore ??
    createKeytarStore({
      service: options.keychainService,
      timeoutMs: options.keychainTimeoutMs,
      onLateWrite: (account, outcome) => logger.warn('keychain.late_write', { account, outcome }),
    });
  const store = observeKeychain(rawStore, (state) => {
    if (state === keychainState) return;
    keychainState = state;
    logger.info('keychain.state', { state });
    emit('keychain.changed', { state });
  });
  const clipboard = options.clipboard ?? createMemoryClipboard();
  const guard = new ClipboardGuard(clipboard, (reason) => emit('clipboard.cleared', { reason }));
  const requestLog = createRequestLog();
  const http = createHttpContext({
    endpoints: EndpointOverrides.parse(options.endpoints ?? {}),
    allowLoopbackHttp: options.allowLoopbackHttp === true,
    hostLimits: options.hostLimits,
    timeoutMs: options.timing?.httpTimeoutMs,
    retryBaseDelayMs: options.timing?.httpRetryBaseDelayMs,
    logger,
    redaction,
    requestLog,
    clock,
  });
  const deps: CoreDeps = {
    clock,
    logger,
    redaction,
    index,
    store,
    clipboard,
    guard,
    http,
    requestLog,
    emit,
    dialogs: options.dialogs ?? null,
    locks: createKeyedLock(),
  };
  // A refresh that a crash interrupted left its new values staged: promote them before anything reads.
  await recoverStaged(store, new Set(index.list().map((c) => c.id)), logger).catch(() => []);
  const hasher = createValueHasher(store, redaction);
  const adapters = options.adapters ?? createAdapters();
  const credentials = await createCredentialsDomain({ ...deps, hasher });
  const charges = await createChargesDomain({ ...deps, adapters, resendDelayMs: options.timing?.chargeResendDelayMs });
  const inspect = createInspectDomain({
    ...deps,
    hasher,
    adapters,
    bulkConcurrency: options.bulkConcurrency,
    saveRetryMs: options.timing?.refreshSaveRetryMs,
    attempts: charges.attempts,
    expiryCheckMs: options.expiryCheckMs,
  });
  const clover = createCloverDomain(
    { ...deps, hasher, adapter: adapters.clover },
    {
      openAuthorizeUrl: options.openAuthorizeUrl,
      endpoints: options.endpoints,
      allowLoopbackHttp: options.allowLoopbackHttp === true,
      timeoutMs: options.timing?.oauthCallbackTimeoutMs,
    },
  );
  const square = createSquareDomain({
    ...deps,
    hasher,
    endpoints: EndpointOverrides.parse(options.endpoints ?? {}),
    allowLoopbackHttp: options.allowLoopbackHttp === true,
    openAuthorizeUrl: options.openAuthorizeUrl,
    connectTimeoutMs: options.timing?.oauthCallbackTimeoutMs,
  });

  const handlers = combineHandlers(
    statusHandlers({ ...deps, version: options.version ?? '0.0.0', keychainState: () => keychainState }),
    credentials.handlers,
    inspect.handlers,
    charges.handlers,
    clover.handlers,
    square.handlers,
    settingsHandlers(deps),
    linkHandlers(options.openExternal),
    networkHandlers(deps),
    reportHandlers(deps),
  );

  let closed = false;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  const invoke = createRouter(handlers, logger, redaction, { isClosed: () => closed, track });
  logger.info('core.started', { channels: CHANNELS.length, credentials: index.list().length });

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
      closed = true; // from here every call answers UNAVAILABLE
      guard.refuseCopies(); // a copy in flight must not reach the clipboard while we quit
      inspect.stop(); // bulk inspections end; their calls in flight are awaited below
      clover.stop(); // a connect waiting for the browser ends
      square.stop(); // a connect waiting for the browser ends
      if (inspect.unsavedRefreshes() > 0)
        logger.error('core.closing_with_unsaved_refresh', { pairs: inspect.unsavedRefreshes() });
      const waitMs = options.closeTimeoutMs ?? 5_000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
      http.close(); // kept-alive vendor connections
      await guard.shutdown().catch(() => false); // last: nothing can copy after this
      logger.info('core.closed', { abandoned: inFlight.size });
      logger.close();
      bus.removeAllListeners();
    },
  };
}
