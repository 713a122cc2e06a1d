// Server rendering, hydration, language switch, headers, 404, phone layout.

import { assert, BASE_URL, check, freshPage } from '../harness.mjs';

await check('server-rendered HTML has the page content before any script runs', async () => {
  const { context, page } = await freshPage({ javaScriptEnabled: false });
  const response = await page.goto(`${BASE_URL}/`);
  assert(response.status() === 200, `status ${response.status()}`);
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  assert(heading.includes('Aufklärung und Einwilligung digital'), `h1 was ${heading}`);
  assert(await page.getByRole('link', { name: 'Praxis registrieren' }).first().isVisible(), 'register link visible');
  assert((await page.locator('html').getAttribute('lang')) === 'de', 'html lang=de');
  assert((await page.locator('html').getAttribute('data-hydrated')) === null, 'no hydration without scripts');
  await context.close();
});

await check('the page hydrates: the language switch changes the page in place', async () => {
  const { context, page, problems } = await freshPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${BASE_URL}/`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: /Patient information and consent, digital/ }).waitFor();
  assert(!requests.some((p) => p.startsWith('/lang/')), `switched in place, but requested ${requests.filter((p) => p.startsWith('/lang/'))}`);
  assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang follows the switch');
  assert(new URL(page.url()).pathname === '/', `stayed on /, now at ${page.url()}`);
  // The choice is remembered: a reload renders English on the server.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Patient information and consent/ }).waitFor();
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

await check('the language switch also works without JavaScript', async () => {
  const { context, page } = await freshPage({ javaScriptEnabled: false });
  await page.goto(`${BASE_URL}/kiosk`);
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Practice tablet' }).waitFor();
  assert(new URL(page.url()).pathname === '/kiosk', `back on /kiosk, now at ${page.url()}`);
  await context.close();
});

await check('security headers are present and the CSP lets the app run', async () => {
  const { context, page, problems } = await freshPage();
  const response = await page.goto(`${BASE_URL}/`);
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  assert(/script-src 'self' 'nonce-[A-Za-z0-9_-]{22}' 'wasm-unsafe-eval'/.test(csp), `CSP: ${csp}`);
  assert(csp.includes("frame-ancestors 'none'") && !csp.includes('unsafe-inline'), `CSP: ${csp}`);
  assert(headers['x-content-type-options'] === 'nosniff', 'nosniff');
  assert(headers['referrer-policy'] === 'no-referrer', 'referrer-policy');
  assert(headers['x-frame-options'] === 'DENY', 'x-frame-options');
  assert((headers['x-request-id'] ?? '').length > 0, 'x-request-id');
  // Under that CSP the WASM still loads and hydrates, with no violation reported.
  await page.waitForSelector('html[data-hydrated="true"]');
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

await check('an unknown address shows the not-found page with status 404', async () => {
  const { context, page } = await freshPage();
  const response = await page.goto(`${BASE_URL}/gibt-es-nicht`);
  assert(response.status() === 404, `status ${response.status()}`);
  await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await page.getByRole('heading', { level: 1, name: /Aufklärung und Einwilligung/ }).waitFor();
  await context.close();
});

await check('the patient page is usable on a small phone', async () => {
  const { context, page, problems } = await freshPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await page.goto(`${BASE_URL}/c`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('heading', { level: 1, name: 'Ihre Aufklärung und Einwilligung' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `page is ${overflow}px wider than the phone`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});
