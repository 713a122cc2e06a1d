// Staff pages opened by their address (a bookmark, a reload, a link in a mail) hydrate every
// time: each is loaded several times in a row and every load must become interactive without
// a hydration error. A page that fails to hydrate looks right but its buttons do nothing.

import { assert, BASE_URL, check, freshPage, practiceWithVault } from '../harness.mjs';

const PAGES = ['/app', '/app/profil', '/app/team', '/app/patienten', '/app/praxis', '/app/einwilligungen/neu'];
const LOADS = 6;

await check(`every staff page hydrates on each of ${LOADS} direct loads`, async () => {
  const admin = await freshPage();
  await practiceWithVault(admin.page);
  const failures = [];
  for (const path of PAGES) {
    for (let load = 1; load <= LOADS; load += 1) {
      const problems = [];
      const collect = (msg) => { if (msg.type() === 'error' && /hydrat|unreachable|panicked/i.test(msg.text())) problems.push(msg.text().split('\n')[0]); };
      const crash = (err) => problems.push(`page error: ${err.message.split('\n')[0]}`);
      admin.page.on('console', collect);
      admin.page.on('pageerror', crash);
      await admin.page.goto(`${BASE_URL}${path}`);
      try {
        await admin.page.waitForSelector('html[data-hydrated="true"]', { timeout: 20_000 });
      } catch {
        problems.push('never hydrated');
      }
      // Errors of a failed hydration arrive just after the marker would have been set.
      await admin.page.waitForTimeout(150);
      admin.page.off('console', collect);
      admin.page.off('pageerror', crash);
      if (problems.length > 0) failures.push(`${path} load ${load}: ${problems.join(' | ')}`);
    }
  }
  assert(failures.length === 0, `hydration failed:\n${failures.join('\n')}`);
  await admin.context.close();
});
