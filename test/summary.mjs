// Prints one closing line for the whole suite, "tests: N passed, N failed, N skipped", from the
// JSON reports of vitest and Playwright, and fails if either report is missing or ran nothing.
import fs from 'node:fs';

const read = (f) => {
  if (!fs.existsSync(f)) throw new Error(`missing test report ${f}`);
  return JSON.parse(fs.readFileSync(f, 'utf8'));
};
const v = read('test-results/vitest.json');
const p = read('test-results/playwright.json').stats;
const passed = v.numPassedTests + p.expected + (p.flaky ?? 0);
const failed = v.numFailedTests + p.unexpected;
const skipped = v.numPendingTests + (v.numTodoTests ?? 0) + p.skipped;
console.log(`vitest ${v.numPassedTests} passed; playwright ${p.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (v.numPassedTests === 0 || p.expected === 0 || failed > 0) process.exit(1);
