// The test bridge: the SAME createKeychainApi the preload uses, with a second transport.
// Bundled to an IIFE by the fixture (esbuild) and injected with page.addInitScript, so it runs
// before the renderer's own script. Requests go to the real core through Playwright's
// page.exposeFunction('__mkInvoke'); events from the core arrive through __mkDeliver, which the
// fixture calls with page.evaluate whenever core.on(...) fires.
import { createKeychainApi, type Subscribe, type Transport } from '@shared/bridge';
import type { Channel, EventName, IpcResult, RequestOf } from '@shared/contract';

type Listener = (payload: unknown) => void;

// tsconfig.node.json has no DOM lib: describe the few page globals this file uses.
const page = globalThis as unknown as {
  __mkInvoke(channel: string, payload: unknown): Promise<unknown>;
  __mkDeliver?: (event: EventName, payload: unknown) => void;
  __MK_TEST__?: boolean;
  keychain?: unknown;
};

const listeners = new Map<EventName, Set<Listener>>();

const transport: Transport = <C extends Channel>(channel: C, payload: RequestOf<C>) =>
  page.__mkInvoke(channel, payload) as Promise<IpcResult<C>>;

const subscribe: Subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  set.add(listener as Listener);
  return () => {
    set.delete(listener as Listener);
  };
};

page.__MK_TEST__ = true;
page.__mkDeliver = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload);
};
page.keychain = Object.freeze(createKeychainApi(transport, subscribe));
