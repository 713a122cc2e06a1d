// A consent link from the patient's page: the treatment, validity, costs and language of the
// form chosen, the link shown once as text and QR code, copied, and mailed to the address from
// the patient's (decrypted) record. The mail names the practice and nothing else.

import { assert, BASE_URL, check, freshPage, linkIn, practiceWithVault, unexpected, waitForMail } from '../harness.mjs';

await check('a consent link for a patient: shown once, copied, mailed without patient data', async () => {
  const { context, page, problems } = await freshPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await practiceWithVault(page, { name: 'Hautpraxis Lindenhof' });
  const patientEmail = `patientin-${Date.now()}@example.org`;

  await page.getByRole('link', { name: 'Patienten', exact: true }).click();
  const add = page.getByRole('form', { name: 'Neu anlegen' });
  await add.getByLabel('Nachname').fill('Holunderbusch');
  await add.getByLabel('Vorname').fill('Philippa');
  await add.getByLabel('Geburtsdatum').fill('1988-08-08');
  await add.getByLabel('E-Mail (freiwillig').fill(patientEmail);
  await add.getByRole('button', { name: 'Anlegen' }).click();
  await page.getByRole('link', { name: 'Öffnen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Holunderbusch, Philippa' }).waitFor();
  await page.getByRole('link', { name: 'Einwilligung anlegen' }).click();

  await page.getByRole('heading', { level: 1, name: 'Neue Einwilligung' }).waitFor();
  await page.getByText('Holunderbusch, Philippa').waitFor();
  const form = page.getByRole('form', { name: 'Neue Einwilligung' });
  assert(await form.getByLabel('Gültig für (Tage)').inputValue() === '7', 'the practice default validity');
  await form.getByLabel('Behandlung').selectOption('FILLER');
  await form.getByLabel('Kosten').fill('zweihundert');
  await form.getByRole('button', { name: 'Link erstellen' }).click();
  await page.getByText('Bitte geben Sie die Kosten als Betrag in Euro an').waitFor();
  await form.getByLabel('Kosten').fill('250,00');
  await form.getByLabel('Sprache des Formulars').selectOption('en');
  await form.getByRole('button', { name: 'Link erstellen' }).click();

  await page.getByRole('heading', { name: 'Der Link ist erstellt' }).waitFor();
  const link = await page.getByTestId('consent-link').inputValue();
  assert(new RegExp(`^${BASE_URL}/c#[A-Za-z0-9_-]{43}$`).test(link), `link with the token in the fragment: ${link}`);
  await page.getByRole('img', { name: 'QR-Code' }).waitFor();
  await page.getByRole('button', { name: 'Link kopieren' }).click();
  await page.getByRole('button', { name: 'Kopiert' }).waitFor();
  assert(await page.evaluate(() => navigator.clipboard.readText()) === link, 'the link is on the clipboard');

  // The address comes from the patient's record, opened in this browser.
  const send = page.getByRole('form', { name: 'Per E-Mail senden' });
  assert(await send.getByLabel('E-Mail-Adresse der Patientin').inputValue() === patientEmail, 'address from the record');
  await send.getByRole('button', { name: 'Per E-Mail senden' }).click();
  await page.getByText('Die E-Mail ist unterwegs.').waitFor();
  const mail = await waitForMail(patientEmail, /Hautpraxis Lindenhof/);
  assert(linkIn(mail) === link, 'the mail carries the link');
  assert(mail.subject.startsWith('Your documents'), `the form's language: ${mail.subject}`);
  for (const secret of ['Holunderbusch', 'Philippa', 'Filler', 'FILLER', '250']) {
    assert(!mail.text.includes(secret) && !mail.subject.includes(secret), `${secret} is not in the mail`);
  }

  // The patient's page lists the open consent.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Holunderbusch, Philippa' }).waitFor();
  const row = page.locator('table.data-table tr').filter({ hasText: 'Filler' });
  await row.filter({ hasText: 'Offen' }).waitFor();

  assert(unexpected(problems).length === 0, problems.join('\n'));
});
