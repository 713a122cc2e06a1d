// Two-factor sign-in: a practice owner enrols on the profile page (QR code and key), signs out,
// signs in with password and a code computed here from the key shown, then once with a
// recovery code. TOTP (RFC 6238, HMAC-SHA1, 6 digits, 30 s) is computed with node:crypto.

import { createHmac } from 'node:crypto';
import { assert, BASE_URL, check, freshPage, linkIn, SLOW, unexpected, waitForMail } from '../harness.mjs';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text) {
  const bits = [...text.replace(/\s+/g, '').toUpperCase()]
    .map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

const currentStep = () => Math.floor(Date.now() / 1000 / 30);

function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function signInWithPassword(page, email, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: 'Bestätigungscode' }).waitFor({ timeout: SLOW });
}

async function giveCode(page, code) {
  await page.getByLabel('Code aus der App oder Wiederherstellungscode').fill(code);
  await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
}

await check('2FA enrolment and login with a code', async () => {
  const { context, page, problems } = await freshPage();
  const email = `zwei-faktor-${Date.now()}@praxis.example`;
  const password = 'Zwei Faktoren sind besser als einer';

  // A practice of its own, confirmed through the mailed link.
  await page.goto(`${BASE_URL}/register`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('Name der Praxis').fill('Hautarztpraxis Zwei Faktoren');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Praxis anlegen' }).click();
  await page.getByRole('heading', { name: 'Bitte sehen Sie in Ihr Postfach' }).waitFor({ timeout: SLOW });
  await page.goto(linkIn(await waitForMail(email, /bestätigen/)));
  await page.getByText('Ihre E-Mail-Adresse ist bestätigt').waitFor({ timeout: SLOW });
  await page.goto(`${BASE_URL}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });

  // Enrolment on the profile page: QR code (inline SVG) and the key as text.
  await page.getByRole('link', { name: 'Profil' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
  await page.getByText(email).waitFor();
  await page.getByText('Nicht eingerichtet').waitFor();
  await page.getByRole('button', { name: 'Einrichten', exact: true }).click();
  await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
  const keyText = (await page.getByTestId('two-factor-key').textContent()).trim();
  assert(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/.test(keyText), `key in groups: ${keyText}`);
  const key = base32Decode(keyText);
  await page.getByLabel('Sechsstelliger Code aus der App').fill('000000' === totp(key, currentStep()) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await page.getByRole('alert').filter({ hasText: 'Code stimmt nicht' }).waitFor();
  const enrolStep = currentStep();
  await page.getByLabel('Sechsstelliger Code aus der App').fill(totp(key, enrolStep));
  await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await page.getByTestId('two-factor-recovery-codes').getByRole('listitem').first().waitFor();
  const codes = (await page.getByTestId('two-factor-recovery-codes').getByRole('listitem').allTextContents()).map((c) => c.trim());
  assert(codes.length === 10 && codes.every((c) => /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/.test(c)), `recovery codes: ${codes}`);
  await page.getByRole('button', { name: 'Ich habe die Codes gesichert' }).click();
  await page.getByText('Eingeschaltet').waitFor();
  await page.getByTestId('recovery-codes-left').filter({ hasText: '10' }).waitFor();
  await signOut(page);

  // Password, then a code. A new code: the enrolment's one is never accepted again.
  await signInWithPassword(page, email, password);
  await giveCode(page, totp(key, enrolStep));
  await page.getByRole('alert').filter({ hasText: 'Code stimmt nicht' }).waitFor();
  const cookieBefore = (await context.cookies()).find((c) => c.name === 'dc_session')?.value;
  await giveCode(page, totp(key, Math.max(enrolStep + 1, currentStep())));
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  const cookieAfter = (await context.cookies()).find((c) => c.name === 'dc_session')?.value;
  assert(cookieBefore && cookieAfter && cookieBefore !== cookieAfter, 'a new session id after the code');
  await signOut(page);

  // A recovery code works once.
  await signInWithPassword(page, email, password);
  await giveCode(page, codes[0].toLowerCase());
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  // Through the menu, as members do (direct loads: suites/direct_loads.mjs).
  await page.getByRole('link', { name: 'Profil', exact: true }).click();
  await page.getByTestId('recovery-codes-left').filter({ hasText: '9' }).waitFor();
  await signOut(page);
  await signInWithPassword(page, email, password);
  await giveCode(page, codes[0]);
  await page.getByRole('alert').filter({ hasText: 'Code stimmt nicht' }).waitFor();

  // A reload while the code is outstanding shows the code step, not the practice area.
  await page.goto(`${BASE_URL}/app`);
  await page.getByRole('heading', { name: 'Bestätigungscode' }).waitFor();
  assert(!(await page.getByText('Willkommen im Praxisbereich').isVisible()), 'no staff area before the code');
  assert(unexpected(problems).length === 0, problems.join('\n'));
  await context.close();
});
