/// <reference path="../apps/server/src/test/oidc-provider.d.ts" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider } from '../apps/server/src/test/oidc.js';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

const CLIENT = { id: 'portico-e2e', secret: 'e2e-provider-secret' };

/** The provider's own (development) login form, then its consent page when it asks, until back on `portalUrl`. */
async function signInAtProvider(page: Page, portalUrl: string, login: string) {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await expect.poll(async () => page.url().startsWith(portalUrl) || (await consent.isVisible())).toBe(true);
  if (!page.url().startsWith(portalUrl)) await consent.click();
}

// Journey: ND-9 (sign-in through the network's OpenID Connect provider): the administrator sets the
// provider on Network settings; the sign-in page offers it; a known user signs in through it, an
// unknown one is told why not. A real provider (oidc-provider) runs beside the portal.
describe('ND-9: sign-in through the network’s identity provider', () => {
  let portal: Portal;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  beforeAll(async () => {
    portal = await startPortal();
    provider = await startOidcProvider({
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      redirectUri: `${portal.baseUrl}/api/sso/callback`,
    });
    provider.accounts.set('cole', { email: 'coordinator@nd.demo.test', email_verified: true });
    provider.accounts.set('stranger', { email: 'stranger@example.test', email_verified: true });
  });
  afterAll(async () => {
    await provider?.close();
    await portal?.stop();
  });

  it('ND-9: the administrator sets the provider; the issuer is checked; the secret is write-only', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, 'admin@nd.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.goto('/network');
    const sso = page.getByRole('region', { name: 'Single sign-on' });
    await sso.getByText('No secret is stored.').waitFor();
    expect(await sso.getByLabel('Callback URL', { exact: true }).inputValue()).toBe(
      `${portal.baseUrl}/api/sso/callback`,
    );

    await sso.getByRole('switch', { name: 'Enabled' }).check();
    await sso.getByLabel(/^Display name/).fill('Prairie Login');
    await sso.getByLabel(/^Issuer URL/).fill('http://127.0.0.1:9');
    await sso.getByLabel(/^Client ID/).fill(CLIENT.id);
    await sso.getByLabel('Client secret').fill(CLIENT.secret);
    await sso.getByRole('button', { name: 'Save single sign-on' }).click();
    await sso.getByText(/No OpenID Connect discovery document answered/).waitFor();
    await sso.getByLabel(/^Issuer URL/).fill(provider.issuer);
    await sso.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('Single sign-on saved').waitFor();
    await sso.getByText('A secret is stored.').waitFor();
    expect(await sso.getByLabel('Client secret').inputValue()).toBe('');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('ND-9: a known user signs in through the provider; an unknown one is told why not', async () => {
    const { page, context } = await portal.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Prairie Login' }).click();
    await signInAtProvider(page, portal.baseUrl, 'cole');
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Cole Coordinator');
    await page.getByRole('banner').getByRole('button', { name: 'Cole Coordinator', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Portico', level: 1 }).waitFor();
    await context.close();

    // Another browser (the provider remembers who signed in at it in the first one).
    const other = await portal.newPage();
    await other.page.goto('/sign-in');
    await other.page.getByRole('link', { name: 'Sign in with Prairie Login' }).click();
    await signInAtProvider(other.page, portal.baseUrl, 'stranger');
    await other.page.getByRole('heading', { name: 'Sign in to Portico', level: 1 }).waitFor();
    await other.page.getByText('No Portico account has the email address the identity provider gave.').waitFor();
    expect(other.page.url()).toContain('sso_error=unknown_user');
    expect(await seriousAxeViolations(other.page)).toEqual([]);
    await other.context.close();
  });

  it('ND-9: the administrator removes the stored secret', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, 'admin@nd.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.goto('/network');
    const sso = page.getByRole('region', { name: 'Single sign-on' });
    await sso.getByRole('button', { name: 'Remove stored secret' }).click();
    await page.getByText('Stored secret removed').waitFor();
    await sso.getByText('No secret is stored.').waitFor();
    expect(await sso.getByLabel(/^Display name/).inputValue()).toBe('Prairie Login');
    await context.close();
  });
});
