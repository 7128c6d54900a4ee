// electron-builder: `npm run dist` packs the electron-vite output (out/) into this platform's
// installers (Linux AppImage + deb, macOS dmg, Windows NSIS) under dist/. Signing is left to the
// user's own certificates (electron-builder reads CSC_LINK / CSC_KEY_PASSWORD, see README).
import type { Configuration } from 'electron-builder';
import { ELECTRON_FUSES } from './packaging/fuses';

const config: Configuration = {
  appId: 'dev.merchantkeychain.app',
  productName: 'Merchant Keychain',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only the built app and the window icon; package.json and the production dependencies are added
  // by electron-builder itself (devDependencies never are). No source maps, tests or benchmarks.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'resources/icons/512x512.png',
    '!**/*.map',
    // Tests, benchmarks and TypeScript sources that some dependencies publish (zod, pump, asynckit...).
    '!**/node_modules/**/{test,tests,__tests__,bench,benchmark,benchmarks}/**',
    '!**/node_modules/**/{test,bench}{,-*}.{js,cjs,mjs}',
    '!**/node_modules/**/*.{test,spec}.{js,cjs,mjs}',
    '!**/node_modules/**/*.{ts,mts,cts}',
    // keytar's build leftovers: only build/Release/keytar.node is loaded at run time.
    '!**/node_modules/keytar/{src,build/Release/obj.target,build/Release/.deps}/**',
    '!**/node_modules/keytar/{binding.gyp,build/Makefile,build/*.mk,build/config.gypi}',
  ],
  asar: true,
  // A native module cannot be loaded from inside an asar: keytar's .node file goes to app.asar.unpacked.
  asarUnpack: ['**/*.node'],
  // keytar is an N-API module (napi_versions [3] in its package.json), so the binary `npm install`
  // built for this OS and CPU loads in Electron as it is; no rebuild against Electron's headers.
  // Native code is per platform: build each platform's installer on that platform.
  npmRebuild: false,
  electronFuses: ELECTRON_FUSES,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    executableName: 'merchant-keychain',
    icon: 'resources/icons',
    synopsis: 'Clover and Square credentials in the OS keychain',
    // deb needs a maintainer and a homepage: replace with your organisation's before publishing.
    maintainer: 'Merchant Keychain maintainers <maintainers@merchantkeychain.dev>',
  },
  mac: { target: 'dmg', category: 'public.app-category.developer-tools', icon: 'resources/icon.icns' },
  win: { target: 'nsis', icon: 'resources/icon.ico' },
  extraMetadata: { homepage: 'https://merchantkeychain.dev' },
  publish: null,
};

export default config;
