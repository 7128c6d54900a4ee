// The Electron fuses flipped into the packaged binary at pack time (checklist item 19 in
// shared/reference/electron-security.md). Data only, in electron-builder's `electronFuses` shape:
// electron-builder.config.ts passes it on, test/unit/fuses.test.ts checks the values, and
// test/packaging/package-linux.test.ts reads them back out of a packed binary.
import type { Configuration } from 'electron-builder';

export const ELECTRON_FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the shipped (and signed) binary into a plain Node.js runtime.
  runAsNode: false,
  // NODE_OPTIONS and --inspect* would let anyone who can start the app inject code or attach a
  // debugger. (The same fuse also ignores NODE_EXTRA_CA_CERTS: a TLS-inspecting proxy's CA must be in
  // the OS trust store.)
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // Cookies on disk encrypted with a key from the OS keychain (the app sets none today; one-way switch).
  enableCookieEncryption: true,
  // The app code must be the asar the packager wrote: its hash is checked at start (Electron does this
  // on macOS and Windows) and no loose app folder beside it is ever loaded instead.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // Not in item 19's list, but Electron's fuse docs say to turn it off when no page comes from file://;
  // the renderer is served over app:// (src-main/protocol.ts).
  grantFileProtocolExtraPrivileges: false,
} as const satisfies NonNullable<Configuration['electronFuses']>;
