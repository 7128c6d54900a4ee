// The network domain: whether a vendor host is reachable (no credential sent), the log of every
// outbound request, and "Copy as curl" for one of them. Provider calls themselves live in providers/.
import type { CoreDeps } from '../deps';
import type { HandlerPart } from '../ipc/handlers';
import { createCurlCopier } from './copy-curl';
import { checkReachability } from './reachability';

export function networkHandlers(
  d: Pick<CoreDeps, 'http' | 'requestLog' | 'guard' | 'index' | 'redaction' | 'logger'>,
): HandlerPart<'network.check' | 'requests.list' | 'requests.copyCurl'> {
  return {
    'network.check': (r) => checkReachability(d.http, r),
    'requests.list': (r) => ({ items: d.requestLog.list(r.limit ?? 200) }),
    'requests.copyCurl': createCurlCopier(d),
  };
}
