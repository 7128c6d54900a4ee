// requests.copyCurl: "Copy as curl" for one logged request. Main rebuilds the real command (its
// Authorization header included) from the request log's in-memory replay and writes it to the
// clipboard through the guard, cleared after the countdown like a copied secret. The answer carries
// only the redacted form, for the screen.
import type { ParsedRequestOf, ResponseOf } from '@shared/contract';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors/app-error';
import type { Replay } from '../providers/http/request-log';

type Deps = Pick<CoreDeps, 'requestLog' | 'guard' | 'index' | 'redaction' | 'logger'>;

/** POSIX shell single quotes: everything literal, a ' written as '\''. */
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlCommand(r: Replay): string {
  const parts = ['curl', '-X', r.method, quote(r.url)];
  for (const [name, value] of Object.entries(r.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (r.body !== null) parts.push('--data-raw', quote(r.body));
  return parts.join(' ');
}

export function createCurlCopier(d: Deps) {
  return async (req: ParsedRequestOf<'requests.copyCurl'>): Promise<ResponseOf<'requests.copyCurl'>> => {
    const replay = d.requestLog.replayOf(req.id);
    if (!replay) {
      throw new AppError(
        'NOT_FOUND',
        'That request is no longer in the log, so it cannot be copied.',
        'The log keeps the latest 500 requests of this session; repeat the action and copy the new one.',
        ['id'],
      );
    }
    const command = curlCommand(replay);
    const seconds = d.index.settings.clipboardClearSeconds;
    await d.guard.copy(command, seconds);
    d.logger.info('request.copied_as_curl', { id: req.id, clearsInSeconds: seconds });
    // The screen shows what was copied with every registered secret and credential pattern scrubbed.
    return { clearsInSeconds: seconds, redacted: d.redaction.scrub(command).slice(0, 4000) };
  };
}
