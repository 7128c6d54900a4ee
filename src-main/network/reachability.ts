// network.check: can this machine reach a vendor's API host at all? Support staff use it to tell
// "the network is down / blocked" apart from "the token is bad" before inspecting a credential.
// No credential is sent: any HTTP answer (even 404) proves the host is reachable.
import type { RequestOf, ResponseOf } from '@shared/contract';
import type { HttpContext } from '../providers/http/http-context';
import { ProviderHttpError } from '../providers/http/http-errors';

export async function checkReachability(
  http: HttpContext,
  req: RequestOf<'network.check'>,
): Promise<ResponseOf<'network.check'>> {
  const client =
    req.provider === 'square'
      ? http.client('square', req.environment, 'connect')
      : http.client('clover', req.environment, 'platform');
  const started = performance.now();
  try {
    // One attempt only: a reachability answer should be quick, and retries would only delay "no".
    const res = await client.get('/', { validateStatus: () => true, timeout: 5_000, 'axios-retry': { retries: 0 } });
    return { reachable: true, status: res.status, durationMs: Math.round(performance.now() - started) };
  } catch (e) {
    // A refused host is a configuration problem, not an outage: let the router report it as such.
    if (e instanceof ProviderHttpError && e.kind === 'host_not_allowed') throw e;
    if (e instanceof ProviderHttpError)
      return { reachable: false, status: e.status, durationMs: Math.round(performance.now() - started) };
    throw e;
  }
}
