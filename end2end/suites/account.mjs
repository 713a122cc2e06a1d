// A practice's account: registration, vault set-up, unlock and lock, sign-out and sign-in.

import { assert, BASE_URL, check, freshPage, SLOW, unexpected } from '../harness.mjs';

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
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
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

  await page.getByRole('button', { name: 'Abmelden' }).click();
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
