// The team: an ADMIN invites a physician by mail; the physician accepts with their own
// password and key pair; both screens show the same check code; the ADMIN shares the vault;
// the physician's vault opens with their own password. (Reception typing in the ADMIN pages:
// admin_pages.mjs.)

import { assert, BASE_URL, check, freshPage, linkIn, signIn, SLOW, unexpected, waitForMail, practiceWithVault } from '../harness.mjs';

await check('an invited physician gets the vault after the ADMIN compared the check code', async () => {
  const admin = await freshPage();
  await practiceWithVault(admin.page);
  const invitee = `aerztin-${Date.now()}@praxis.example`;
  const password = 'Mondschein über dem Behandlungsraum';

  await admin.page.getByRole('link', { name: 'Team' }).click();
  await admin.page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
  await admin.page.getByLabel('E-Mail-Adresse').fill(invitee);
  await admin.page.getByLabel('Rolle').selectOption('ARZT');
  await admin.page.getByRole('button', { name: 'Einladung senden' }).click();
  await admin.page.getByText('Die Einladung ist verschickt').waitFor();
  await admin.page.getByText('Einladung offen').waitFor();

  const mail = await waitForMail(invitee, /Einladung/);
  assert(mail.subject.includes('Hautarztpraxis am Markt'), mail.subject);
  const member = await freshPage();
  await member.page.goto(linkIn(mail));
  await member.page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
  await member.page.getByText(invitee).waitFor();
  await member.page.waitForSelector('html[data-hydrated="true"]');
  await member.page.getByLabel('Passwort', { exact: true }).fill(password);
  await member.page.getByLabel('Passwort wiederholen').fill(password);
  await member.page.getByRole('button', { name: 'Konto anlegen' }).click();
  const own = (await member.page.getByTestId('own-fingerprint').textContent({ timeout: SLOW })).trim();
  assert(/^(\d{5} ){5}\d{5}$/.test(own), `check code: ${own}`);

  // Before the share, the new member's vault is not theirs to open.
  await signIn(member.page, invitee, password);
  await member.page.getByRole('heading', { name: 'Tresor noch nicht freigegeben' }).waitFor({ timeout: SLOW });

  await admin.page.reload();
  await admin.page.waitForSelector('html[data-hydrated="true"]');
  await admin.page.getByText('wartet auf Freigabe').waitFor();
  const shown = (await admin.page.getByTestId('member-fingerprint').textContent()).trim();
  assert(shown === own, `both screens show the same code: ${shown} / ${own}`);
  // After the reload the ADMIN's vault is locked: sharing needs it open.
  await admin.page.getByText('Öffnen Sie Ihren Tresor, um ihn freizugeben.').waitFor();
  await admin.page.getByLabel('Passwort').fill('Sonnenschein über der Praxis');
  await admin.page.getByRole('button', { name: 'Öffnen' }).click();
  await admin.page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  await admin.page.getByRole('button', { name: 'Prüfcode stimmt überein – Tresor freigeben' }).click();
  await admin.page.getByText('wird bei der nächsten Anmeldung übernommen').waitFor({ timeout: SLOW });

  await signIn(member.page, invitee, password);
  await member.page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  await member.page.reload();
  await member.page.waitForSelector('html[data-hydrated="true"]');
  await member.page.getByLabel('Passwort').fill(password);
  await member.page.getByRole('button', { name: 'Öffnen' }).click();
  await member.page.getByText('Tresor geöffnet').waitFor({ timeout: SLOW });
  assert(unexpected(admin.problems).length === 0, admin.problems.join('\n'));
  assert(unexpected(member.problems).length === 0, member.problems.join('\n'));
  await admin.context.close();
  await member.context.close();
});
