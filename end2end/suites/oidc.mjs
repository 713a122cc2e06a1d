// Sign-in with a provider (OpenID Connect), against the real test provider that scripts/e2e
// starts in Google's place (end2end/oidc-provider.mjs): a practice owner connects the account
// on the profile page, signs out, signs in with the provider alone (the vault still asks for
// the password), a provider account nobody connected is refused with a clear message, and the
// owner disconnects it again.

import { assert, BASE_URL, check, freshPage, practiceWithVault, SLOW } from '../harness.mjs';

/** Goes through the provider's own pages: its login form (any name) and its consent step. */
async function atProvider(page, login) {
  await page.waitForURL((url) => !url.href.startsWith(BASE_URL), { timeout: SLOW, waitUntil: 'commit' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('beliebig');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  // Consent is asked once per account and client.
  if (await consent.isVisible({ timeout: 3000 }).catch(() => false)) await consent.click();
}

const subject = `praxis-google-${Date.now()}`;

await check('oidc: connect a Google account, sign in with it, refuse an unconnected one, disconnect', async () => {
  const { context, page } = await freshPage();
  await practiceWithVault(page, { name: 'Hautarztpraxis Anbieter-Anmeldung' });

  // By its address (direct loads hydrate: suites/direct_loads.mjs); the disconnect button
  // below needs the hydrated page.
  await page.goto(`${BASE_URL}/app/profil`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
  const section = page.getByRole('region', { name: 'Anmelden mit Google oder Microsoft' });
  await section.getByText('nicht verbunden').waitFor();
  await section.getByRole('button', { name: 'Google Verbinden' }).click();
  await atProvider(page, subject);
  await page.waitForURL(`${BASE_URL}/app/profil?oidc=linked`, { timeout: SLOW });
  await page.getByTestId('link-outcome').getByText('Das Konto ist verbunden').waitFor({ timeout: SLOW });
  await section.getByText('verbunden seit').waitFor();

  // Signed out, the provider alone signs the owner in again; the vault stays locked until
  // the owner's own password opens it.
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByRole('button', { name: 'Mit Google anmelden' }).click();
  // The provider remembers its own session and the consent: it may answer at once.
  await page.waitForURL((url) => url.href.startsWith(`${BASE_URL}/app`) || !url.href.startsWith(BASE_URL), { timeout: SLOW, waitUntil: 'commit' });
  if (!page.url().startsWith(BASE_URL)) await atProvider(page, subject);
  await page.getByRole('heading', { level: 1, name: 'Willkommen im Praxisbereich' }).waitFor({ timeout: SLOW });
  await page.getByRole('heading', { name: 'Tresor öffnen' }).waitFor({ timeout: SLOW });

  // Disconnected, the same provider account signs nobody in any more.
  await page.getByRole('link', { name: 'Profil', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
  await section.getByRole('button', { name: 'Google Trennen' }).click();
  await section.getByText('Das Konto ist getrennt').waitFor({ timeout: SLOW });
  await section.getByText('nicht verbunden').waitFor();
  await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByRole('button', { name: 'Mit Google anmelden' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${BASE_URL}/login?`) || !url.href.startsWith(BASE_URL), { timeout: SLOW, waitUntil: 'commit' });
  if (!page.url().startsWith(BASE_URL)) await atProvider(page, subject);
  await page.waitForURL(`${BASE_URL}/login?oidc=not-linked`, { timeout: SLOW });
  await context.close();

  // Someone whose provider account nobody connected gets no session, and is told why.
  const stranger = await freshPage();
  await stranger.page.goto(`${BASE_URL}/login`);
  await stranger.page.getByRole('button', { name: 'Mit Google anmelden' }).click();
  await atProvider(stranger.page, `unbekannt-${Date.now()}`);
  await stranger.page.waitForURL(`${BASE_URL}/login?oidc=not-linked`, { timeout: SLOW });
  await stranger.page.getByTestId('sign-in-outcome').getByText('noch mit keinem Zugang verbunden').waitFor();
  const whoami = await stranger.page.evaluate(async () => (await fetch('/api/whoami', { method: 'POST' })).text());
  assert(whoami === 'null', `no session for an unconnected account: ${whoami}`);
  await stranger.context.close();
});

await check('oidc: a provider answer counts once, and never in another browser', async () => {
  const { context, page } = await freshPage();
  // Where the provider sends the browser back (the Location of its last redirect).
  let answer = null;
  page.on('response', (response) => {
    const location = response.headers().location ?? '';
    if (location.startsWith(`${BASE_URL}/auth/oidc/google/callback`)) answer = location;
  });
  await page.goto(`${BASE_URL}/login`);
  await page.getByRole('button', { name: 'Mit Google anmelden' }).click();
  await atProvider(page, `abgefangen-${Date.now()}`);
  await page.waitForURL(`${BASE_URL}/login?oidc=not-linked`, { timeout: SLOW });
  assert(answer && answer.includes('code=') && answer.includes('state='), `an answer with code and state: ${answer}`);

  // The same answer again, in another browser and in this one: used up.
  const other = await freshPage();
  await other.page.goto(answer);
  await other.page.waitForURL(`${BASE_URL}/login?oidc=expired`, { timeout: SLOW });
  await other.page.getByTestId('sign-in-outcome').getByText('in einem anderen Fenster begonnen').waitFor();
  await page.goto(answer);
  await page.waitForURL(`${BASE_URL}/login?oidc=expired`, { timeout: SLOW });
  await other.context.close();
  await context.close();
});
