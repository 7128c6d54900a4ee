#!/usr/bin/env bash
# `npm test`: everything, in one private keyring session (test/with-keyring.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${MK_IN_PRIVATE_KEYRING:-}" != "1" ]]; then exec bash test/with-keyring.sh bash test/run-all.sh; fi
step() { printf '\n=== %s\n' "$1"; }
step "typecheck";              npm run --silent typecheck
step "lint + format";          npm run --silent lint
step "electronegativity";      node test/security/electronegativity.mjs
step "build (electron-vite)";  npx electron-vite build
rm -f test-results/vitest.json test-results/playwright.json
step "unit + integration + packaging"; npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "end-to-end (Chromium)";  npx playwright test
step "summary";                node test/summary.mjs
