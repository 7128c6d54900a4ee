import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  RENDERER_CSP,
  RENDERER_CSP_HEADER,
  WINDOW_BACKGROUND,
  createWindowOptions,
  installWebContentsGuards,
  type GuardedContents,
} from '../../src-main/window';

const RENDERER_HTML = path.resolve(__dirname, '../../src-renderer/index.html');

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.js', isPackaged: true });
  const prefs = options.webPreferences ?? {};

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['devTools', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('sets %s = %s explicitly', (key, value) => {
    expect(Object.hasOwn(prefs, key)).toBe(true);
    expect(prefs[key]).toBe(value);
  });

  it('never enables Blink features and uses the given preload', () => {
    expect(Object.hasOwn(prefs, 'enableBlinkFeatures')).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('sets no web preference it does not assert (a new flag must be reviewed here)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('has the window basics', () => {
    expect(options.title).toBe('Merchant Keychain');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    // The renderer's page colour in each theme, so resizing never flashes another colour.
    const base = readFileSync(path.resolve(__dirname, '../../src-renderer/ui/base.css'), 'utf8');
    expect(base).toContain(`--bg: ${WINDOW_BACKGROUND.light};`);
    expect(base).toContain(`--bg: ${WINDOW_BACKGROUND.dark};`);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(createWindowOptions({ preloadPath: 'p', dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minHeight).toBeGreaterThan(0);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('sets the window icon only when given one (Linux; the other platforms take the bundle icon)', () => {
    expect(options.icon).toBeUndefined();
    expect(Object.hasOwn(options, 'icon')).toBe(false);
    const withIcon = createWindowOptions({ preloadPath: 'p', iconPath: '/app/resources/icons/512x512.png' });
    expect(withIcon.icon).toBe('/app/resources/icons/512x512.png');
    expect(withIcon.webPreferences).toEqual(createWindowOptions({ preloadPath: 'p' }).webPreferences);
  });

  it('allows DevTools only when not packaged, and locks down when the flag is omitted', () => {
    expect(createWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences?.devTools).toBe(true);
    expect(createWindowOptions({ preloadPath: 'p' }).webPreferences?.devTools).toBe(false);
  });

  it('returns a fresh object each time', () => {
    const a = createWindowOptions({ preloadPath: 'p' });
    const b = createWindowOptions({ preloadPath: 'p' });
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});

describe('RENDERER_CSP', () => {
  const directives = new Map(
    RENDERER_CSP.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('has no unsafe sources', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('denies by default and allows only self for code and styles', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    for (const d of ['connect-src', 'base-uri', 'form-action', 'object-src']) {
      expect(directives.get(d), d).toEqual(["'none'"]);
    }
    // Browsers ignore frame-ancestors in a meta tag (and log an error), so only the header has it.
    expect(directives.has('frame-ancestors')).toBe(false);
    expect(RENDERER_CSP_HEADER).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`);
  });

  const htmlMissing = !existsSync(RENDERER_HTML);
  it.skipIf(htmlMissing)(
    htmlMissing
      ? 'SKIPPED: src-renderer/index.html does not exist yet, so its CSP meta tag cannot be compared'
      : 'matches the one CSP meta tag in src-renderer/index.html',
    () => {
      const html = readFileSync(RENDERER_HTML, 'utf8');
      const cspMetas = [...html.matchAll(/<meta\b[^>]*>/gi)]
        .map((m) =>
          Object.fromEntries(
            [...m[0].matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => [
              a[1]?.toLowerCase(),
              a[2] ?? a[3],
            ]),
          ),
        )
        .filter((attrs) => attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
      expect(cspMetas).toHaveLength(1);
      expect(cspMetas[0]?.['content']).toBe(RENDERER_CSP);
    },
  );
});

// A stand-in for WebContents that records what the guards register.
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  let requestHandler:
    ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void) | null = null;
  let checkHandler: ((...args: unknown[]) => boolean) | null = null;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
    session: {
      setPermissionRequestHandler: (h: typeof requestHandler) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h: typeof checkHandler) => {
        checkHandler = h;
      },
    },
  };
  const emitNavigation = (event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ url, preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as GuardedContents,
    listeners,
    emitNavigation,
    open: (url: string) => openHandler?.({ url }),
    request: (permission: string) => {
      let granted: boolean | undefined;
      requestHandler?.(null, permission, (g) => (granted = g), {});
      return granted;
    },
    check: (permission: string) => checkHandler?.(null, permission, 'app://renderer', {}),
  };
}

describe('installWebContentsGuards', () => {
  const isTrusted = (url: string) => url.startsWith('app://renderer/'); // the real check is tested in sender.test.ts

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks untrusted targets only', (event) => {
    const f = fakeContents();
    installWebContentsGuards(f.contents, { isTrusted });
    expect(f.emitNavigation(event, 'https://evil.example/')).toBe(true);
    expect(f.emitNavigation(event, 'file:///etc/passwd')).toBe(true);
    expect(f.emitNavigation(event, 'app://renderer/index.html')).toBe(false);
  });

  it('denies every new window, opening only allowlisted docs externally', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    installWebContentsGuards(f.contents, { isTrusted, openExternal });
    expect(f.open('https://docs.clover.com/docs/oauth')).toEqual({ action: 'deny' });
    expect(f.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.open('app://renderer/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://docs.clover.com/docs/oauth']]);
  });

  it('denies new windows when no opener is given', () => {
    const f = fakeContents();
    installWebContentsGuards(f.contents, { isTrusted });
    expect(f.open('https://docs.clover.com/')).toEqual({ action: 'deny' });
  });

  it('cancels every <webview> attach', () => {
    const f = fakeContents();
    installWebContentsGuards(f.contents, { isTrusted });
    const preventDefault = vi.fn();
    f.listeners.get('will-attach-webview')?.({ preventDefault }, {}, { src: 'app://renderer/index.html' });
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every permission request and check', () => {
    const f = fakeContents();
    installWebContentsGuards(f.contents, { isTrusted });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'unknown']) {
      expect(f.request(permission), permission).toBe(false);
      expect(f.check(permission), permission).toBe(false);
    }
  });
});
