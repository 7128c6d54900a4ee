// What went wrong with one HTTP attempt, in plain words for the request log (issue #10): support
// staff read "Could not connect to connect.squareupsandbox.com (connection refused)", not a Node
// error code. The code stays at the end in brackets for whoever searches for it.
export function plainError(o: { status: number | null; code?: string; message?: string; host: string }): string {
  const { status, host } = o;
  if (status !== null) {
    if (status === 401) return 'Refused (401): the token is invalid, expired, revoked or lacks a permission.';
    if (status === 403) return 'Forbidden (403): the token is not allowed to make this call.';
    if (status === 404) return 'Not found (404): wrong id, or the token belongs to the other environment.';
    if (status === 409) return 'Conflict (409): for example an idempotency key reused with a different request.';
    if (status === 429) return 'Rate limited (429): too many requests; the app waits and tries again.';
    if (status >= 500) return `${host} failed to answer properly (HTTP ${status}); the outcome may be unknown.`;
    return `${host} refused the request (HTTP ${status}).`;
  }
  const code = o.code ?? '';
  const msg = o.message ?? '';
  const tag = code ? ` [${code}]` : '';
  if (code === 'ECONNREFUSED') return `Could not connect to ${host} (connection refused).${tag}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `Could not find ${host} (name lookup failed): check the network or proxy settings.${tag}`;
  if (code === 'ECONNRESET' || code === 'EPIPE') return `${host} closed the connection before answering.${tag}`;
  if (/TIMEDOUT|ECONNABORTED|DEADLINE|TIMEOUT/i.test(code) || /timeout|deadline/i.test(msg))
    return `No answer from ${host} in time.${tag}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(code))
    return `The secure connection to ${host} failed (certificate or TLS problem).${tag}`;
  if (/maxContentLength|MAX_CONTENT_LENGTH|maxBodyLength/i.test(code + msg))
    return `The answer from ${host} was larger than the app accepts.${tag}`;
  if (code === 'ERR_CANCELED') return `Cancelled before ${host} answered.${tag}`;
  return `The request to ${host} failed${code ? '' : `: ${msg.slice(0, 120)}`}.${tag}`;
}
