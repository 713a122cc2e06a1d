// The main job, end to end, for each of the six treatment types: staff add a patient and make
// a link; the patient completes every step on a small phone (in a separate browser context)
// and signs with a finger; staff open the sealed answers in their browser, see the flags for
// the physician, and countersign: COMPLETED. Then: a second visit to a sent link, a withdrawn
// link, an expired link. Finally every table, the server log and every mail are scanned for
// the unique values the patients typed: none may be found anywhere.

import { assert, BASE_URL, browser, check, freshPage, practiceWithVault, sql, unexpected } from '../harness.mjs';
import { readdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** The stored form of a link's token: SHA-256 of its 32 bytes, as a bytea literal. */
const tokenHash = (link) => `'\\x${createHash('sha256').update(Buffer.from(link.split('#')[1], 'base64url')).digest('hex')}'::bytea`;

const TYPES = [
  ['BOTOX', 'Botox'], ['FILLER', 'Filler (Hyaluron)'], ['LASER', 'Laserbehandlung'],
  ['CHEMICAL_PEEL', 'Chemisches Peeling'], ['MICRONEEDLING', 'Microneedling'], ['PRP', 'PRP'],
];
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
/** Values only a patient typed: they must never reach the server in readable form. */
const canaries = [];
const canary = (what) => {
  const value = `Kanari${what}${canaries.length}${run}`.replace(/[^A-Za-z]/g, (c) => String.fromCharCode(97 + (c.charCodeAt(0) % 26)));
  canaries.push(value);
  return value;
};

/** Link and withdrawal tokens handed out in this run: only their hashes may reach the server's
 * tables, and none may reach its log (mail carries the link itself, on purpose). */
const tokens = [];

const staff = await freshPage();
const owner = await practiceWithVault(staff.page, { name: 'Hautpraxis am Dom' });

/** A patient record at the desk and a link for `kind` from the patient's page. */
async function linkFor(kind, last, first) {
  const page = staff.page;
  await page.getByRole('link', { name: 'Patienten', exact: true }).click();
  const add = page.getByRole('form', { name: 'Neu anlegen' });
  await add.getByLabel('Nachname').fill(last);
  await add.getByLabel('Vorname').fill(first);
  await add.getByLabel('Geburtsdatum').fill('1985-04-03');
  await add.getByRole('button', { name: 'Anlegen' }).click();
  await page.getByRole('link', { name: 'Öffnen' }).click();
  await page.getByRole('heading', { level: 1, name: `${last}, ${first}` }).waitFor();
  await page.getByRole('link', { name: 'Einwilligung anlegen' }).click();
  const form = page.getByRole('form', { name: 'Neue Einwilligung' });
  await form.getByLabel('Behandlung').selectOption(kind);
  await form.getByRole('button', { name: 'Link erstellen' }).click();
  const link = await page.getByTestId('consent-link').inputValue();
  tokens.push(link.split('#')[1]);
  return link;
}

/** Waits (up to 10 s) until the link's consent has `status` in the database. */
async function statusBecomes(link, status) {
  let seen = null;
  for (let i = 0; i < 100; i += 1) {
    [[seen]] = sql(`select status from consent_form where token_hash = ${tokenHash(link)}`);
    if (seen === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert(false, `the consent stays ${seen}, expected ${status}`);
}

/** Signs with a finger-like stroke across the pad. */
async function sign(page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) {
    await page.mouse.move(box.x + box.width * (0.1 + i * 0.06), box.y + box.height * (0.6 - Math.sin(i) * 0.25), { steps: 2 });
  }
  await page.mouse.up();
}

/** The patient's whole way through the form on a phone; `yes` answers every yes/no with yes. */
async function complete(link, { first, last, yes, note, pdf = false, beforeSend = null }) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  // The PDF module must stay out of the page's load until the patient asks for a PDF.
  const pdfRequests = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/pdf/')) pdfRequests.push(r.url()); });
  // The patient's phone loads the patient bundle, never the staff app's.
  const bundles = [];
  page.on('request', (r) => { if (/\/pkg\/[^/]+\.wasm$/.test(r.url())) bundles.push(new URL(r.url()).pathname); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await page.goto(link);
  await page.getByText('Hautpraxis am Dom').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Beginnen' }).click();
  assert(bundles.length === 1 && bundles[0].endsWith('_patient.wasm'), `the patient bundle alone was loaded: ${bundles}`);

  await page.getByLabel('Vorname').fill(first);
  await page.getByLabel('Nachname').fill(last);
  await page.getByLabel('Geburtsdatum').fill('1985-04-03');
  await page.getByLabel('E-Mail (freiwillig)').fill(`${note.toLowerCase()}@example.org`);
  await page.getByLabel('Telefon (freiwillig').fill(`+49 170 ${note}`);
  await page.getByRole('button', { name: 'Weiter' }).click();

  // Every question: yes/no, choices (the first option), free text.
  await page.getByRole('heading', { level: 1, name: 'Fragen zu Ihrer Gesundheit' }).waitFor();
  // Going on without answers names what is missing.
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Bitte beantworten Sie noch diese Fragen:').waitFor();
  const questions = page.locator('fieldset.question');
  for (let i = 0; i < await questions.count(); i += 1) {
    const q = questions.nth(i);
    const radios = q.locator('input[type=radio]');
    const boxes = q.locator('input[type=checkbox]');
    const texts = q.locator('textarea');
    if (await q.locator('input[value=yes]').count() > 0) {
      await q.locator(yes ? 'input[value=yes]' : 'input[value=no]').check();
      if (yes && await q.locator('textarea').count() > 0) await q.locator('textarea').fill(`seit 2020 ${note}`);
    } else if (await radios.count() > 0) {
      await radios.first().check();
    } else if (await boxes.count() > 0) {
      await boxes.first().check();
    } else if (await texts.count() > 0) {
      await texts.first().fill(`keine ${note}`);
    }
  }
  await page.getByRole('button', { name: 'Weiter' }).click();

  await page.getByRole('heading', { level: 1, name: 'Aufklärung' }).waitFor();
  // The answers were saved, sealed, before the signature: the practice sees FILLED.
  await statusBecomes(link, 'FILLED');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Bitte bestätigen Sie, dass Sie die Informationen gelesen haben.').waitFor();
  await page.getByLabel('Ich habe die Informationen gelesen').check();
  await page.getByRole('button', { name: 'Weiter' }).click();

  // The comprehension check: an answer each; a wrong one is explained once, then go on.
  await page.getByRole('heading', { level: 1, name: 'Haben Sie das Wichtigste verstanden?' }).waitFor();
  const items = page.locator('fieldset.question');
  for (let i = 0; i < await items.count(); i += 1) await items.nth(i).locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  if (!(await page.getByRole('heading', { level: 1, name: 'Unterschrift' }).isVisible())) {
    await page.getByRole('button', { name: 'Weiter' }).click();
  }

  await page.getByRole('heading', { level: 1, name: 'Unterschrift' }).waitFor();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByText('Bitte unterschreiben Sie im Feld.').waitFor();
  await sign(page);
  await page.getByRole('button', { name: 'Weiter' }).click();

  await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
  await page.getByText(`${last}, ${first}`).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `the review is ${overflow}px wider than the phone`);
  if (beforeSend) await beforeSend();
  await page.getByRole('button', { name: 'Verbindlich absenden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vielen Dank!' }).waitFor({ timeout: 30_000 });
  const withdrawal = await page.getByTestId('withdrawal-link').textContent();
  assert(new RegExp(`^${BASE_URL}/c/widerruf#[A-Za-z0-9_-]{43}$`).test(withdrawal), `withdrawal link: ${withdrawal}`);
  tokens.push(withdrawal.split('#')[1]);
  assert(pdfRequests.length === 0, `the PDF module was loaded before it was asked for: ${pdfRequests}`);
  if (pdf) await downloadCopy(page, `${last}, ${first}`, pdfRequests);
  assert(unexpected(problems).length === 0, problems.join('\n'));
  return { context, page, withdrawal };
}

/** "Kopie als PDF herunterladen": a real PDF made in the browser, with the patient's name. */
async function downloadCopy(page, name, pdfRequests) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Kopie als PDF herunterladen' }).click(),
  ]);
  assert(/^einwilligung-[a-z-]+-\d{4}-\d{2}-\d{2}\.pdf$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
  const file = await download.path();
  const bytes = await readFile(file);
  assert(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is a PDF');
  assert(pdfRequests.some((u) => u.endsWith('/pkg/pdf/pdf_bg.wasm')), `the module was loaded on demand: ${pdfRequests}`);
  let text = null;
  try { text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }); } catch { /* poppler-utils not installed */ }
  // Layout may wrap "Last, First" across lines: each part must be there.
  const flat = text === null ? null : text.replace(/\s+/g, ' ');
  if (flat !== null) {
    for (const part of name.split(', ')) assert(flat.includes(part), `the PDF names the patient (${part}): ${flat.slice(0, 400)}`);
  }
}

/** Staff open the consent from the patient's page, check it and countersign. */
async function review({ last, first, label, flagged, create = false }) {
  const page = staff.page;
  await page.goto(`${BASE_URL}/app`);
  await page.waitForSelector('html[data-hydrated="true"]');
  // A full load wipes the keys: open the vault again.
  await page.getByLabel('Passwort').fill(owner.password);
  await page.getByRole('button', { name: 'Öffnen', exact: true }).click();
  await page.getByText('Tresor geöffnet').waitFor({ timeout: 60_000 });
  const row = page.locator('table.data-table tbody tr').filter({ hasText: label }).filter({ hasText: 'Unterschrieben' });
  await row.first().getByRole('link').click();
  await page.getByTestId('review-name').filter({ hasText: `${last}, ${first}` }).waitFor();
  await page.getByTestId('review-signature').waitFor();
  if (flagged) {
    assert(await page.getByTestId('knockouts').locator('li').count() > 0, `${label}: the yes answers are flagged for the physician`);
  }
  if (create) {
    // Sent for nobody: countersigning waits for the record, made from the submitted details.
    await page.getByText('Ordnen Sie die Einwilligung zuerst oben einer Patientin').waitFor();
    await page.getByRole('button', { name: 'Als neue Patientin / neuen Patienten anlegen' }).click();
  }
  await page.getByRole('link', { name: 'Patientenakte öffnen' }).waitFor();
  const countersign = page.getByRole('form', { name: 'Aufklärungsgespräch und Gegenzeichnung' });
  await countersign.getByLabel('Ich habe die Patientin / den Patienten persönlich aufgeklärt').check();
  await countersign.getByRole('button', { name: 'Gegenzeichnen und abschließen' }).click();
  await page.getByText('Gegengezeichnet und abgeschlossen.').waitFor();
  await page.locator('.review-head .status').filter({ hasText: 'Abgeschlossen' }).waitFor();
}

for (const [kind, label] of TYPES) {
  await check(`${label}: link, patient completes every step on a phone, staff open, countersign → completed`, async () => {
    const first = canary('Vor');
    const last = canary('Nach');
    const link = await linkFor(kind, last, first);
    const patient = await complete(link, { first, last, yes: kind === 'BOTOX', note: canary('Notiz'), pdf: kind === 'BOTOX' });
    await patient.context.close();
    await review({ last, first, label, flagged: kind === 'BOTOX' });
    const [[status]] = sql(`select status from consent_form c join practice p on p.id = c.practice_id
      where p.name = 'Hautpraxis am Dom' and c.type = '${kind}' order by c.created_at desc limit 1`);
    assert(status === 'COMPLETED', `${kind}: ${status}`);
  });
}

await check('a link for nobody: staff make the patient record from the submitted details, then countersign', async () => {
  const first = canary('Ohne');
  const last = canary('Akte');
  const page = staff.page;
  await page.goto(`${BASE_URL}/app/einwilligungen/neu`);
  await page.waitForSelector('html[data-hydrated="true"]');
  const form = page.getByRole('form', { name: 'Neue Einwilligung' });
  await form.getByLabel('Behandlung').selectOption('MICRONEEDLING');
  await form.getByRole('button', { name: 'Link erstellen' }).click();
  await page.getByRole('heading', { name: 'Der Link ist erstellt' }).waitFor();
  const link = await page.getByTestId('consent-link').inputValue();
  const patient = await complete(link, { first, last, yes: false, note: canary('Notiz') });
  await patient.context.close();
  await review({ last, first, label: 'Microneedling', flagged: false, create: true });
  const [[status, linked]] = sql(`select status, patient_id is not null from consent_form where token_hash = ${tokenHash(link)}`);
  assert(status === 'COMPLETED' && linked === 't', `${status} ${linked}`);
});

await check('from a patient page, a link to the start page opens the start page', async () => {
  const { context, page } = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(`${BASE_URL}/c#${'A'.repeat(43)}`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await page.getByRole('heading', { level: 1, name: 'Aufklärung und Einwilligung digital – lesbar nur für Ihre Praxis' }).waitFor();
  assert(new URL(page.url()).pathname === '/', page.url());
  await context.close();
});

await check('the patient switches the form to English on the first page and the whole form follows', async () => {
  const link = await linkFor('LASER', canary('Sprach'), canary('Wahl'));
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Aufklärung und Einwilligung: Laserbehandlung der Haut' }).waitFor({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Information and consent: laser treatment of the skin' }).waitFor();
  assert(await page.locator('html').getAttribute('lang') === 'en', 'the page language follows');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByLabel('First name').waitFor();
  // The new step's heading has the focus (a screen reader announces the step).
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  // A name without a letter is named, and its field marked for assistive technology.
  await page.getByLabel('First name').fill('- .');
  await page.getByLabel('Last name').fill('Test');
  await page.getByLabel('Date of birth').fill('1985-04-03');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').filter({ hasText: /first name/i }).waitFor();
  assert(await page.getByLabel('First name').getAttribute('aria-invalid') === 'true', 'the first name is marked invalid');
  assert(await page.getByLabel('Last name').getAttribute('aria-invalid') === null, 'the last name is not');
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

await check('a sent link cannot be sent again, a withdrawn one says so, an expired one too', async () => {
  const first = canary('Wider');
  const last = canary('Ruf');
  const link = await linkFor('FILLER', last, first);
  const patient = await complete(link, { first, last, yes: false, note: canary('Notiz') });
  const stored = () => sql(`select status, md5(encrypted_responses), submission_id from consent_form where token_hash = ${tokenHash(link)}`)[0].join(' ');
  const before = stored();
  assert(before.startsWith('SIGNED '), before);
  // A second, different submission of the same link from the patient's browser: refused.
  const status = await patient.page.evaluate(async (token) => {
    const zeros = '0'.repeat(64);
    const answer = await fetch('/api/submit_consent', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        sealed: { submission_id: crypto.randomUUID(), envelope: 'x', form_hash_hex: zeros, steps: {} },
        withdrawal_token_hash_hex: zeros,
      }),
    });
    return answer.status;
  }, link.split('#')[1]);
  assert(status === 409, `a second submission answers ${status}`);
  // The same link again (via a blank page: the same address with only a new fragment would
  // not load the page again): already sent, the first submission untouched.
  await patient.page.goto('about:blank');
  await patient.page.goto(link);
  await patient.page.getByRole('heading', { name: 'Schon gesendet' }).waitFor();
  assert(stored() === before, `the first submission is unchanged: ${before} -> ${stored()}`);

  // Withdrawn with the patient's own link, no login.
  await patient.page.goto(patient.withdrawal);
  await patient.page.getByRole('button', { name: 'Jetzt widerrufen' }).click();
  await patient.page.getByText('Ihre Einwilligung ist widerrufen.').waitFor();
  await patient.page.goto(link);
  await patient.page.getByRole('heading', { name: 'Diese Einwilligung wurde widerrufen' }).waitFor();
  await patient.context.close();

  // A link past its expiry.
  const expired = await linkFor('LASER', canary('Ab'), canary('Lauf'));
  sql(`update consent_form set expires_at = now() - interval '1 minute' where token_hash = ${tokenHash(expired)}`);
  const { context, page } = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(expired);
  await page.getByRole('heading', { name: 'Dieser Link ist abgelaufen' }).waitFor();
  await context.close();
});

await check('the practice rotates its key while a patient fills in the form: sealed again to the new key, nothing lost', async () => {
  const first = canary('Schluessel');
  const last = canary('Wechsel');
  const link = await linkFor('PRP', last, first);
  const practice = `(select id from practice where name = 'Hautpraxis am Dom')`;
  const [[before]] = sql(`select key_version from practice_key where practice_id = ${practice} and retired_at is null`);
  // As a rotation leaves it: the old key retired, a new current version (here the same key
  // pair under the next version number, which is all the patient's side can tell apart).
  const rotate = async () => {
    sql(`update practice_key set retired_at = now() where practice_id = ${practice} and retired_at is null`);
    sql(`insert into practice_key (practice_id, key_version, pmk_version, inbox_public_key, wrapped_inbox_private_key, wrapped_blind_index_key)
         select practice_id, key_version + 1, pmk_version, inbox_public_key, wrapped_inbox_private_key, wrapped_blind_index_key
         from practice_key where practice_id = ${practice} and key_version = ${before}`);
  };
  try {
    const patient = await complete(link, { first, last, yes: false, note: canary('Notiz'), beforeSend: rotate });
    await patient.context.close();
    const [[status, version]] = sql(`select status, inbox_key_version from consent_form where token_hash = ${tokenHash(link)}`);
    assert(status === 'SIGNED', `status ${status}`);
    assert(Number(version) === Number(before) + 1, `sealed to version ${version}, the current one is ${Number(before) + 1}`);
  } finally {
    sql(`delete from practice_key where practice_id = ${practice} and key_version > ${before}`);
    sql(`update practice_key set retired_at = null where practice_id = ${practice} and key_version = ${before}`);
  }
});

await check('no plaintext on the server: no table, log line or mail holds what patients typed', async () => {
  assert(canaries.length >= 20, `canaries: ${canaries.length}`);
  const tables = sql(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`).map(([t]) => t);
  const hexOf = (s) => Buffer.from(s, 'utf8').toString('hex');
  const found = [];
  // Row text covers text and jsonb columns; bytea shows as hex, so the hex is searched too.
  const pattern = canaries.flatMap((v) => [v, hexOf(v)]).join('|');
  for (const table of tables) {
    const [[n]] = sql(`select count(*) from "${table}" t where t::text ~* '(${pattern})'`);
    if (n !== '0') found.push(`${table}: ${n} rows`);
  }
  assert(tokens.length >= 12, `tokens: ${tokens.length}`);
  // Base64url: no character a POSIX regular expression or an SQL string would treat specially.
  const tokenPattern = tokens.join('|');
  for (const table of tables) {
    const [[n]] = sql(`select count(*) from "${table}" t where t::text ~ '(${tokenPattern})'`);
    if (n !== '0') found.push(`${table}: ${n} rows with a link or withdrawal token`);
  }
  // The server writes its log from a thread of its own, as soon as its queue runs empty: a
  // moment's quiet lets the last requests' lines reach the file.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const log = await readFile(process.env.SERVER_LOG, 'utf8');
  // The log is the real one: it holds the flow's requests (by route, never by token).
  assert(log.includes('/api/submit_consent'), 'the server log holds the submissions');
  for (const value of canaries) if (log.toLowerCase().includes(value.toLowerCase())) found.push(`server log: ${value}`);
  for (const token of tokens) if (log.includes(token)) found.push(`server log: token ${token.slice(0, 6)}…`);
  const dir = process.env.MAIL_SINK_DIR;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const mail = (await readFile(path.join(dir, name), 'utf8')).toLowerCase();
    for (const value of canaries) if (mail.includes(value.toLowerCase())) found.push(`mail ${name}: ${value}`);
  }
  assert(found.length === 0, `plaintext found: ${found.join(', ')}`);
  assert(tables.length > 15, `scanned ${tables.length} tables`);
});

await staff.context.close();
