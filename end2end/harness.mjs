// Shared harness of the browser tests: one Debian Chromium (driven by playwright-core, no
// browser download), a `check` runner that records results, and helpers for fresh contexts and
// the test mail server. Suites in end2end/suites/ import from here; end2end/e2e.mjs runs them.

import { readdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const TIMEOUT = 20_000;
/** Argon2id (64 MiB) in WASM on a busy 2-core machine: allow for it. */
export const SLOW = 60_000;

// Playwright gives every launch a fresh, temporary profile of its own.
export const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

export const results = [];
export async function check(name, fn) {
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

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh context (no cookies) with console errors and CSP violations collected. */
export async function freshPage(options = {}) {
  const context = await browser.newContext({ locale: 'de-DE', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.setDefaultTimeout(TIMEOUT);
  return { context, page, problems };
}

/** Console problems other than the browser's own notes about refused requests (4xx answers). */
export function unexpected(problems) {
  return problems.filter((p) => !p.includes('status of 4'));
}

const MAIL_DIR = process.env.MAIL_SINK_DIR;

/**
 * Waits for the newest mail to `to` in the test mail server (end2end/mail-sink.mjs) whose
 * subject matches, and returns it as { to, from, subject, text, html }.
 */
export async function waitForMail(to, subject = /./, { timeout = TIMEOUT } = {}) {
  assert(MAIL_DIR, 'MAIL_SINK_DIR is not set: run the browser tests through scripts/e2e');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const names = (await readdir(MAIL_DIR)).filter((n) => n.endsWith('.json')).sort().reverse();
    for (const name of names) {
      const mail = JSON.parse(await readFile(path.join(MAIL_DIR, name), 'utf8'));
      if (mail.to.includes(to.toLowerCase()) && subject.test(mail.subject)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} matching ${subject} within ${timeout} ms`);
}

/** The first link in a mail's text that starts with BASE_URL. */
export function linkIn(mail) {
  const match = mail.text.match(new RegExp(`${BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`));
  assert(match, `no link to ${BASE_URL} in mail: ${mail.text}`);
  return match[0];
}

/**
 * A new practice with its vault set up, signed in on `page`: register, confirm the mailed
 * link, sign in, make the keys and confirm the recovery code. (The account suite checks each
 * of these steps in detail.)
 */
export async function practiceWithVault(page, { name = 'Hautarztpraxis am Markt', password = 'Sonnenschein über der Praxis' } = {}) {
  const email = `inhaberin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@praxis.example`;
  await page.goto(`${BASE_URL}/register`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('Name der Praxis').fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Praxis anlegen' }).click();
  await page.getByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' }).waitFor({ timeout: SLOW });
  await page.goto(linkIn(await waitForMail(email, /bestätigen/)));
  await page.getByText('Ihre E-Mail-Adresse ist bestätigt').waitFor({ timeout: SLOW });
  await signIn(page, email, password);
  await page.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()).trim();
  await page.getByLabel('Zur Bestätigung').fill(code.split('-').pop());
  await page.getByRole('button', { name: 'Tresor einrichten' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  return { email, password, code };
}

/** Signs in on /login and waits for the staff area. */
export async function signIn(page, email, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
}

/**
 * Runs SQL on the browser tests' own database (scripts/e2e passes its URL) and returns the
 * rows as arrays of text fields. Only for what a browser cannot do: age a link past its expiry,
 * scan every table for plaintext.
 */
export function sql(query) {
  const url = process.env.E2E_DATABASE_URL;
  assert(url && process.env.PSQL, 'E2E_DATABASE_URL/PSQL are not set: run the browser tests through scripts/e2e');
  const out = execFileSync(process.env.PSQL, [url, '-X', '-q', '-t', '-A', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.length > 0).map((line) => line.split('\t'));
}
