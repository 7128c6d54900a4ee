import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, redactUrls } from '../../scripts/ensure-electron.mjs';

const ROOT = resolve(__dirname, '../..');
const URL_404 = 'https://mirror.example/electron/v45.4.1/electron-v45.4.1-linux-x64.zip';
const stack = (first: string) =>
  `${first}\n    at FetchDownloader.download (file:///x/FetchDownloader.js:46:30)\n    at async y\n`;

describe('package.json start scripts', () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  it.each([
    ['start', 'electron-vite preview'],
    ['dev', 'electron-vite dev'],
  ])('%s installs Electron before %s', (name, then) => {
    expect(scripts[name]).toBe(`node scripts/ensure-electron.mjs && ${then}`);
  });
});

describe('describeFailure', () => {
  const hints = [
    'ELECTRON_GET_USE_PROXY=1',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ELECTRON_MIRROR',
    'v45.4.1/',
    'npx install-electron',
  ];

  it('names the HTTP status and URL of a failed download, with every remedy and no stack frame', () => {
    const message = describeFailure({
      stderr: stack(`HTTPError: Response code 404 (Not Found) for ${URL_404}`),
      version: '45.4.1',
      mirror: 'https://mirror.example/electron/',
    });
    expect(message).toContain('Could not install the Electron 45.4.1 binary');
    expect(message).toContain(`What failed: the download answered 404 (Not Found) for ${URL_404}`);
    for (const hint of hints) expect(message).toContain(hint);
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('says the host could not be reached when fetch failed, naming the mirror or the default source', () => {
    const stderr = stack('TypeError: fetch failed');
    const viaMirror = describeFailure({ stderr, version: '45.4.1', mirror: 'http://m.local/' });
    expect(viaMirror).toContain('could not connect to the mirror in ELECTRON_MIRROR (http://m.local/)');
    const direct = describeFailure({ stderr, version: '45.4.1', mirror: undefined });
    expect(direct).toContain("could not connect to Electron's release downloads (GitHub)");
  });

  it('explains a checksum mismatch', () => {
    const message = describeFailure({
      stderr: stack('Error: Generated checksum for "electron-v45.4.1-linux-x64.zip" did not match expected checksum.'),
      version: '45.4.1',
      mirror: undefined,
    });
    expect(message).toContain("did not match Electron's published SHA-256 checksum");
  });

  it('passes any other first line through, and copes with no output at all', () => {
    expect(
      describeFailure({ stderr: stack('Error: EACCES: permission denied'), version: '45.4.1', mirror: undefined }),
    ).toContain('What failed: Error: EACCES: permission denied');
    expect(describeFailure({ stderr: '', version: '45.4.1', mirror: undefined })).toContain('What failed: no output');
  });

  it('never repeats credentials or query strings from a mirror URL', () => {
    const message = describeFailure({
      stderr: stack('HTTPError: Response code 401 (Unauthorized) for https://bob:hunter2@m.example/v/e.zip?token=abc'),
      version: '45.4.1',
      mirror: 'https://bob:hunter2@m.example/?token=abc',
    });
    expect(message).not.toMatch(/hunter2|token=abc|bob/);
    expect(message).toContain('https://m.example/v/e.zip');
  });
});

describe('redactUrls', () => {
  it('drops userinfo, query and fragment, and leaves other text alone', () => {
    const text = 'see https://u:p@h.example/a/b?x=1#f and http://h2/ ok';
    expect(redactUrls(text)).toBe('see https://h.example/a/b and http://h2/ ok');
  });
});
