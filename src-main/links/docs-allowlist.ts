// Which links may leave the app for the user's browser (core's links.openDocs and the shell's
// window-open handler). Exact hosts, https, default port, no userinfo: anything looser has been
// used to smuggle attacker URLs past startsWith/endsWith checks.
const DOCS_HOSTS: ReadonlySet<string> = new Set([
  'docs.clover.com',
  'community.clover.com',
  'developer.squareup.com',
  'www.electronjs.org',
]);

const MAX_URL_LENGTH = 2048;
// Whitespace, control characters and backslashes never appear in a real docs link, and other URL
// parsers (the OS handler) may read them differently than WHATWG does.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\\]/;

/** The canonical href to open, or null when the URL is not an allowed vendor docs page. */
export function normalizeDocsUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  if (SUSPICIOUS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null; // WHATWG already drops an explicit :443
  if (!DOCS_HOSTS.has(parsed.hostname)) return null;
  return parsed.href;
}

export function isAllowedDocsUrl(url: string): boolean {
  return normalizeDocsUrl(url) !== null;
}
