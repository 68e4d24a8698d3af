import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, linkIn, type Portal, seriousAxeViolations, signAgreement, startPortal } from './harness.js';

const EMAIL = 'gatekeeper@mt.demo.test';
const NEW_PASSWORD = 'Big-Sky-2027';

// Journey: MT-2 (forgotten password: a single-use reset link by email; the old password stops working).
describe('MT-2: a user who forgot the password resets it from an emailed link', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-2: asks for a link, sets a new password, signs in with it; the old one and the link stop working', async () => {
    const { page, context } = await portal.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    expect(await page.title()).toBe('Reset your password · Portico');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    // The same answer for any address, so nobody learns who has an account.
    await page.getByText('If an account uses that email address, we have sent it a link').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await expect.poll(() => portal.latestMailBody(EMAIL)).toContain('/set-password?token=');
    const link = linkIn(await portal.latestMailBody(EMAIL), '/set-password');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await page.getByText(EMAIL).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // MT-1 rules: a symbol is required.
    await page.getByLabel(/^New password/).fill('BigSky2027');
    await page.getByLabel('Repeat new password').fill('BigSky2027');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('The password must contain a symbol such as ! # or -.').waitFor();
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password is saved. Sign in with it.').waitFor();

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // MT-3: the first sign-in in the Montana network asks for the user agreement.
    await signAgreement(page, 'Grace Gatekeeper');
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Grace Gatekeeper', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // The old password no longer works.
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();

    // The link works once.
    await page.goto(link);
    await page.getByText('This link no longer works').waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor();
    await context.close();
  });
});
