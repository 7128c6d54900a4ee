// Browser entry for the benchmark (bundled with esbuild, injected with page.addInitScript):
// window.keychain is the real bridge API over a transport that Playwright's exposeFunction
// ('__mkInvoke') forwards to the real core in Node. Push events are not wired (not measured).
// If test/e2e/bridge-entry.ts exists and uses the same '__mkInvoke' binding, the bench uses that.
import { createKeychainApi, type Subscribe, type Transport } from '../src-main/bridge/api';

const g = globalThis as unknown as {
  keychain?: ReturnType<typeof createKeychainApi>;
  __mkInvoke(channel: string, payload: unknown): ReturnType<Transport>;
};
const transport = ((channel: string, payload: unknown) => g.__mkInvoke(channel, payload)) as Transport;
const subscribe = (() => () => undefined) as Subscribe;
g.keychain = createKeychainApi(transport, subscribe);
