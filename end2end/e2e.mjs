// Browser tests for Derma Consent, in Debian's Chromium driven by playwright-core (no browser
// download). Started by scripts/e2e, which passes BASE_URL and runs the server.
//
// Each check is independent; the run prints "N passed, M failed" and exits non-zero on failure.

import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 20_000;

// Playwright gives every launch a fresh, temporary profile of its own.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const results = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}\n        ${String(error?.stack ?? error).split('\n').join('\n        ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh context (no cookies) with console errors and CSP violations collected. */
async function freshPage(options = {}) {
  const context = await browser.newContext({ locale: 'de-DE', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.setDefaultTimeout(TIMEOUT);
  return { context, page, problems };
}

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

await check('a practice registers, sets up its vault, reloads, unlocks and locks it, signs out and in again', async () => {
  const { context, page, problems } = await freshPage();
  const email = `inhaberin-${Date.now()}@praxis.example`;
  const password = 'Sonnenschein über der Praxis';
  const sent = [];
  page.on('request', (r) => { if (r.method() === 'POST') sent.push(r.postData() ?? ''); });

  await page.goto(`${BASE_URL}/register`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('Name der Praxis').fill('Hautarztpraxis am Markt');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill('zu kurz');
  await page.getByLabel('Passwort wiederholen').fill('zu kurz');
  await page.getByRole('button', { name: 'Praxis anlegen' }).click();
  await page.getByRole('alert').filter({ hasText: 'mindestens 12 Zeichen' }).waitFor();

  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Praxis anlegen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: 60_000 });
  assert(new URL(page.url()).pathname === '/app', `at ${page.url()}`);
  await page.getByText('Praxisinhaber/in (Admin)').waitFor();

  // Vault set-up: keys made in this browser, recovery code shown once and confirmed.
  await page.getByRole('heading', { name: 'Tresor einrichten' }).waitFor();
  await page.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()).trim();
  assert(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/.test(code), `printable recovery code: ${code}`);
  await page.getByLabel('Zur Bestätigung').fill('XXXXX');
  await page.getByRole('button', { name: 'Tresor einrichten' }).click();
  await page.getByRole('alert').filter({ hasText: 'stimmt nicht' }).waitFor();
  await page.getByLabel('Zur Bestätigung').fill(code.split('-').pop().toLowerCase());
  await page.getByRole('button', { name: 'Tresor einrichten' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: 60_000 });
  assert(!sent.some((body) => body.includes(code.slice(0, 11))), 'the recovery code never leaves the browser');

  // A reload (server-rendered staff area) forgets the keys; the password opens the vault again.
  await page.reload();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByText('Tresor gesperrt').waitFor();
  await page.getByRole('heading', { name: 'Tresor öffnen' }).waitFor();
  await page.getByLabel('Passwort').fill('nicht das Passwort');
  await page.getByRole('button', { name: 'Öffnen' }).click();
  await page.getByRole('alert').filter({ hasText: 'passt nicht' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Öffnen' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Tresor sperren' }).click();
  await page.getByText('Tresor gesperrt').waitFor();
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert(storage === '{}{}', `nothing in web storage: ${storage}`);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'dc_session');
  assert(session && session.httpOnly && session.sameSite === 'Strict', `session cookie: ${JSON.stringify(session)}`);
  const leaked = sent.filter((body) => body.includes(encodeURIComponent(password).slice(0, 12)) || body.includes('Sonnenschein'));
  assert(leaked.length === 0, 'the password never leaves the browser');

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.goto(`${BASE_URL}/app`);
  await page.getByText('Bitte melden Sie sich an').waitFor();

  await page.goto(`${BASE_URL}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill('ein falsches Passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'stimmen nicht' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: 60_000 });
  await page.getByText('Tresor geöffnet').waitFor({ timeout: 60_000 });
  assert(problems.filter((p) => !p.includes('status of 4')).length === 0, problems.join('\n'));
  await context.close();
});

await browser.close();
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
