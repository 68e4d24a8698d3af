import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

const ADMIN = { email: 'admin@default.demo.test', name: 'Dana Admin' };
const USER = { email: 'gatekeeper@default.demo.test', name: 'Glen Gatekeeper' };

async function signOut(page: Page, name: string) {
  await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
}

async function enterCode(page: Page, code: string) {
  await page.getByRole('heading', { name: 'Enter your authenticator code', level: 1 }).waitFor();
  await page.getByLabel(/^Code/).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

// Journey: NCC-1 / NIST second factor by authenticator app (TOTP, RFC 6238): a network administrator
// switches the network to it; users set it up at their next sign-in (QR code or key, a first code,
// 10 recovery codes shown once), then sign in with a code from the app or, once each, a recovery code.
describe('NCC-1: the network asks for an authenticator app after the password', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('NCC-1: the administrator switches the second factor to the authenticator app', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, ADMIN.email, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Network settings' })
      .click();
    const rules = page.getByRole('region', { name: 'Sign-in rules' });
    await rules.getByRole('radio', { name: 'Authenticator app' }).check();
    await rules.getByText('everyone in the network, you included, sets up an authenticator app').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await rules.getByRole('button', { name: 'Save sign-in rules' }).click();
    await page.getByText('Sign-in rules saved').waitFor();
    await context.close();

    // The administrator's own next sign-in asks for the set-up too.
    const fresh = await portal.newPage();
    await signIn(fresh.page, ADMIN.email, DEMO_PASSWORD);
    await fresh.page.getByRole('heading', { name: 'Set up your authenticator app', level: 1 }).waitFor();
    // Until it is set up, the portal's pages send the user back here.
    await fresh.page.goto('/agency');
    await fresh.page.getByRole('heading', { name: 'Set up your authenticator app', level: 1 }).waitFor();
    await fresh.page.goto('/passcode');
    await fresh.page.getByRole('heading', { name: 'Set up your authenticator app', level: 1 }).waitFor();
    await fresh.context.close();
  });

  it('NCC-1: a user sets up the app, then signs in with a code, and once with a recovery code', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, USER.email, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Set up your authenticator app', level: 1 }).waitFor();
    expect(await page.title()).toBe('Set up your authenticator app · Portico');
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel(/^Code from the app/).fill('12345');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Enter the 6 digits the app shows.').waitFor();
    await page.getByLabel(/^Code from the app/).fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Confirm' }).click();

    // The recovery codes, shown once; the user says they saved them before going on.
    await page.getByRole('heading', { name: 'Your recovery codes', level: 2 }).waitFor();
    await page.getByText('Save these codes').waitFor();
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Copy codes' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Save your recovery codes, then tick this box.').waitFor();
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await signOut(page, USER.name);

    // Next sign-in: a code from the app; a wrong one is refused with a clear message.
    await signIn(page, USER.email, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Enter your authenticator code', level: 1 }).waitFor();
    await page.getByText('Lost your phone? Enter one of your recovery codes instead.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await enterCode(page, '000000');
    await page.getByText('The code is not right.').waitFor();
    // A code is good once (RFC 6238 §5.2) and enrolment used this step's: the app's next code.
    await enterCode(page, await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await signOut(page, USER.name);

    // Lost phone: a recovery code signs in once.
    const [recovery] = codes;
    await signIn(page, USER.email, DEMO_PASSWORD);
    await enterCode(page, recovery ?? '');
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await signOut(page, USER.name);
    await signIn(page, USER.email, DEMO_PASSWORD);
    await enterCode(page, recovery ?? '');
    await page.getByText('The code is not right.').waitFor();
    await context.close();
  });
});
