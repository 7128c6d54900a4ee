// The network domain: whether a vendor host is reachable (no credential sent) and the log of
// every outbound request. Provider calls themselves live in providers/.
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import { checkReachability } from './reachability';

export function networkHandlers(
  d: Pick<CoreDeps, 'http' | 'requestLog'>,
): HandlerPart<'network.check' | 'requests.list'> {
  return {
    'network.check': (r) => checkReachability(d.http, r),
    'requests.list': (r) => ({ items: d.requestLog.list(r.limit ?? 200) }),
  };
}
