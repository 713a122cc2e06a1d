// Browser tests for Derma Consent. Started by scripts/e2e, which passes BASE_URL and
// MAIL_SINK_DIR and runs the server and the test mail server. Each suite registers its checks
// with the harness; the run prints "N passed, M failed" and exits non-zero on failure.
// `E2E_ONLY=account node end2end/e2e.mjs` runs one suite.

import { readdir } from 'node:fs/promises';
import { browser, results } from './harness.mjs';

const only = process.env.E2E_ONLY;
const suites = (await readdir(new URL('./suites/', import.meta.url))).filter((n) => n.endsWith('.mjs')).sort();
for (const suite of suites) {
  if (only && suite !== `${only}.mjs`) continue;
  console.log(`${suite.replace(/\.mjs$/, '')}:`);
  await import(`./suites/${suite}`);
}

await browser.close();
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
