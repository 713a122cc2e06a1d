// Reception (EMPFANG) and the ADMIN pages: typed into the address bar, /app/team and
// /app/praxis show the server's refusal (not merely a hidden menu entry), and the ADMIN's
// server functions answer 403 to that browser's own requests. Then the same member signs out
// everywhere from the profile page and their other browser is signed out too.

import { assert, BASE_URL, check, freshPage, linkIn, signIn, SLOW, unexpected, waitForMail, practiceWithVault } from '../harness.mjs';

/** Set by the first check, used by the second. */
const reception = {};

await check('reception typing in an ADMIN page gets the server\'s refusal, and its server functions answer 403', async () => {
  const admin = await freshPage();
  await practiceWithVault(admin.page);
  const email = `empfang-${Date.now()}@praxis.example`;
  const password = 'Anmeldung am Empfangstresen';
  await admin.page.getByRole('link', { name: 'Team' }).click();
  await admin.page.getByLabel('E-Mail-Adresse').fill(email);
  await admin.page.getByLabel('Rolle').selectOption('EMPFANG');
  await admin.page.getByRole('button', { name: 'Einladung senden' }).click();
  await admin.page.getByText('Die Einladung ist verschickt').waitFor();

  // A consent link for nobody, so that the dashboard has a row to show.
  await admin.page.goto(`${BASE_URL}/app/einwilligungen/neu`);
  await admin.page.waitForSelector('html[data-hydrated="true"]');
  const newConsent = admin.page.getByRole('form', { name: 'Neue Einwilligung' });
  await newConsent.getByLabel('Behandlung').selectOption('LASER');
  await newConsent.getByRole('button', { name: 'Link erstellen' }).click();
  await admin.page.getByRole('heading', { name: 'Der Link ist erstellt' }).waitFor();

  const member = await freshPage();
  await member.page.goto(linkIn(await waitForMail(email, /Einladung/)));
  await member.page.waitForSelector('html[data-hydrated="true"]');
  await member.page.getByLabel('Passwort', { exact: true }).fill(password);
  await member.page.getByLabel('Passwort wiederholen').fill(password);
  await member.page.getByRole('button', { name: 'Konto anlegen' }).click();
  await member.page.getByTestId('own-fingerprint').waitFor({ timeout: SLOW });
  await signIn(member.page, email, password);
  assert(await member.page.getByRole('link', { name: 'Team' }).count() === 0, 'no Team link for reception');
  // Reception sees the consent's status but cannot open its answers: no link leading to a refusal.
  const row = member.page.locator('table.data-table tbody tr').filter({ hasText: 'Laserbehandlung' });
  await row.first().waitFor();
  assert(await row.first().getByRole('link').count() === 0, 'the dashboard row of reception is not a link');

  for (const [path, refusal, form] of [
    ['/app/team', 'Das Team verwalten nur Praxisinhaber/innen (Admin).', 'Einladung senden'],
    ['/app/praxis', 'Die Praxis-Einstellungen ändern nur Praxisinhaber/innen (Admin).', 'Speichern'],
  ]) {
    const response = await member.page.goto(`${BASE_URL}${path}`);
    assert(response.status() === 403, `${path}: status ${response.status()}`);
    assert((await response.text()).includes(refusal), `${path}: the server-rendered page says why`);
    await member.page.waitForSelector('html[data-hydrated="true"]');
    await member.page.getByRole('alert').filter({ hasText: refusal }).waitFor();
    assert(await member.page.getByRole('button', { name: form }).count() === 0, `${path}: no form to fill in`);
  }
  await member.context.addCookies([{ name: 'lang', value: 'en', url: BASE_URL }]);
  await member.page.goto(`${BASE_URL}/app/team`);
  await member.page.getByRole('alert').filter({ hasText: 'Only practice owners (admin) manage the team.' }).waitFor();
  await member.context.addCookies([{ name: 'lang', value: 'de', url: BASE_URL }]);

  // The browser's own session, calling the ADMIN's (and the vault-recovery) functions directly.
  const statuses = await member.page.evaluate(async (names) => Promise.all(names.map(async (name) => {
    const answer = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    return `${name} ${answer.status}`;
  })), ['team_overview', 'practice_settings', 'recovery_material', 'rotation_plan']);
  assert(statuses.every((s) => s.endsWith(' 403')), statuses.join(', '));

  assert(unexpected(admin.problems).length === 0, admin.problems.join('\n'));
  assert(unexpected(member.problems).length === 0, member.problems.join('\n'));
  await admin.context.close();
  Object.assign(reception, { email, password, member });
});

await check('signing out everywhere from the profile page ends the member\'s session in their other browser too', async () => {
  assert(reception.member, 'needs the member of the check before');
  const here = reception.member;
  const elsewhere = await freshPage();
  await signIn(elsewhere.page, reception.email, reception.password);

  await here.page.goto(`${BASE_URL}/app`);
  await here.page.waitForSelector('html[data-hydrated="true"]');
  await here.page.getByRole('link', { name: 'Profil' }).click();
  await here.page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
  await here.page.getByText('Beendet Ihre Anmeldung auf allen Geräten').waitFor();
  await here.page.getByRole('button', { name: 'Überall abmelden' }).click();
  await here.page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  assert(new URL(here.page.url()).pathname === '/login', `now at ${here.page.url()}`);
  assert((await here.context.cookies()).every((c) => c.name !== 'dc_session'), 'the cookie is gone');

  await elsewhere.page.reload();
  await elsewhere.page.getByText('Bitte melden Sie sich an, um den Praxisbereich zu öffnen.').waitFor();
  assert(unexpected(here.problems).length === 0, here.problems.join('\n'));
  assert(unexpected(elsewhere.problems).length === 0, elsewhere.problems.join('\n'));
  await here.context.close();
  await elsewhere.context.close();
});
