import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run anywhere; integration tests need the private keyring (test/with-keyring.sh)
// and start their own loopback servers. Packaging tests run `npm start` and electron-builder against a
// loopback Electron mirror (minutes, not seconds). End-to-end tests are Playwright's (playwright.config.ts).
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src-main/shared', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
