// A practice's account: registration, vault set-up, unlock and lock, sign-out and sign-in.

import { readFile } from 'node:fs/promises';
import { assert, BASE_URL, check, freshPage, linkIn, SLOW, unexpected, waitForMail } from '../harness.mjs';

/** Set by the first check, used by the reset check. */
const practice = {};

await check('a practice registers, confirms its address from the mail, sets up its vault, reloads, unlocks and locks it, signs out and in again', async () => {
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
  await page.getByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' }).waitFor({ timeout: SLOW });

  // The mail comes through real SMTP; its link carries the token in the fragment.
  const mail = await waitForMail(email, /bestätigen/);
  const link = linkIn(mail);
  assert(new URL(link).pathname === '/verify-email' && new URL(link).hash.length > 40, `link: ${link}`);
  await page.goto(link);
  await page.getByText('Ihre E-Mail-Adresse ist bestätigt').waitFor({ timeout: SLOW });
  assert(new URL(page.url()).hash === '', `the token is gone from the address bar: ${page.url()}`);
  await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  assert(new URL(page.url()).pathname === '/app', `at ${page.url()}`);
  const log = await readFile(process.env.SERVER_LOG, 'utf8');
  assert(!log.includes(new URL(link).hash.slice(1)), 'the link token is not in the server log');
  await page.getByText('Praxisinhaber/in (Admin)').waitFor();

  // Vault set-up: keys made in this browser, recovery code shown once and confirmed.
  await page.getByRole('heading', { name: 'Tresor einrichten' }).waitFor();
  await page.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
  const code = (await page.getByTestId('recovery-code').textContent()).trim();
  Object.assign(practice, { email, code });
  assert(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/.test(code), `printable recovery code: ${code}`);
  await page.getByLabel('Zur Bestätigung').fill('XXXXX');
  await page.getByRole('button', { name: 'Tresor einrichten' }).click();
  await page.getByRole('alert').filter({ hasText: 'stimmt nicht' }).waitFor();
  await page.getByLabel('Zur Bestätigung').fill(code.split('-').pop().toLowerCase());
  await page.getByRole('button', { name: 'Tresor einrichten' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  assert(!sent.some((body) => body.includes(code.slice(0, 11))), 'the recovery code never leaves the browser');

  // A reload (server-rendered staff area) forgets the keys; the password opens the vault again.
  await page.reload();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByText('Tresor gesperrt').waitFor();
  await page.getByRole('heading', { name: 'Tresor öffnen' }).waitFor();
  await page.getByLabel('Passwort').fill('nicht das Passwort');
  await page.getByRole('button', { name: 'Öffnen' }).click();
  await page.getByRole('alert').filter({ hasText: 'passt nicht' }).waitFor({ timeout: SLOW });
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Öffnen' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  await page.getByRole('button', { name: 'Tresor sperren' }).click();
  await page.getByText('Tresor gesperrt').waitFor();
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert(storage === '{}{}', `nothing in web storage: ${storage}`);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'dc_session');
  assert(session && session.httpOnly && session.sameSite === 'Strict', `session cookie: ${JSON.stringify(session)}`);
  const leaked = sent.filter((body) => body.includes(encodeURIComponent(password).slice(0, 12)) || body.includes('Sonnenschein'));
  assert(leaked.length === 0, 'the password never leaves the browser');

  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.goto(`${BASE_URL}/app`);
  await page.getByText('Bitte melden Sie sich an').waitFor();

  await page.goto(`${BASE_URL}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill('ein falsches Passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'stimmen nicht' }).waitFor({ timeout: SLOW });
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  assert(unexpected(problems).length === 0, problems.join("\n"));
  await context.close();
});

await check('a forgotten password is reset by mail; the vault then needs the recovery code, which opens it again', async () => {
  assert(practice.code, 'needs the practice of the first check');
  const { context, page, problems } = await freshPage();
  const newPassword = 'Regenbogen hinter der Praxis';
  const sent = [];
  page.on('request', (r) => { if (r.method() === 'POST') sent.push(r.postData() ?? ''); });
  await page.goto(`${BASE_URL}/login`);
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Passwort vergessen' }).waitFor();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(practice.email);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await page.getByText('ist eine E-Mail unterwegs').waitFor();

  const mail = await waitForMail(practice.email, /Neues Passwort/);
  await page.goto(linkIn(mail));
  await page.getByRole('heading', { level: 1, name: 'Neues Passwort festlegen' }).waitFor();
  await page.getByText('Tresor neu frei').first().waitFor();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('Passwort', { exact: true }).fill(newPassword);
  await page.getByLabel('Passwort wiederholen').fill(newPassword);
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await page.getByText('Ihr Passwort ist geändert').waitFor({ timeout: SLOW });
  await waitForMail(practice.email, /Passwort wurde geändert/);

  await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(practice.email);
  await page.getByLabel('Passwort').fill(newPassword);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  await page.getByRole('heading', { name: 'Tresor noch nicht freigegeben' }).waitFor({ timeout: SLOW });

  await page.getByLabel('Wiederherstellungscode').fill(practice.code.replace(/^...../, 'ZZZZZ'));
  await page.getByLabel('Passwort').fill(newPassword);
  await page.getByRole('button', { name: 'Tresor wiederherstellen' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wiederherstellungscode passt nicht' }).waitFor({ timeout: SLOW });
  await page.getByLabel('Wiederherstellungscode').fill(practice.code.toLowerCase());
  await page.getByLabel('Passwort').fill(newPassword);
  await page.getByRole('button', { name: 'Tresor wiederherstellen' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  assert(!sent.some((body) => body.includes(practice.code.slice(0, 11))), 'the recovery code never leaves the browser');

  // From now on the new password alone opens the vault.
  await page.reload();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('heading', { name: 'Tresor öffnen' }).waitFor();
  await page.getByLabel('Passwort').fill(newPassword);
  await page.getByRole('button', { name: 'Öffnen' }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  assert(unexpected(problems).length === 0, problems.join('\n'));
  await context.close();
});
