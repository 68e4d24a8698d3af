import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  linkIn,
  type Portal,
  seriousAxeViolations,
  signAgreement,
  signIn,
  startPortal,
} from './harness.js';

const DEMO_PASSCODE = '135790';
const ADMIN = { email: 'admin@ncc.demo.test', name: 'Nico Admin' };
const NEW_USER = { email: 'jordan.carer@ncc.demo.test', name: 'Jordan Carer', password: 'Broadland77Care' };
const VERSION = '2026-12';
const TEXT = 'Council portal terms of use.\n\n1. I keep service users’ information confidential.';

async function enterPasscode(page: Page) {
  await page.getByRole('heading', { name: 'Enter your passcode', level: 1 }).waitFor();
  await page.getByLabel('Passcode').fill(DEMO_PASSCODE);
  await page.getByRole('button', { name: 'Continue' }).click();
}

// Journey: the whole first sign-in of the issue in the council network: invitation (MT-1) → set
// password → choose a passcode (NCC-1) → sign the user agreement the administrator set (MT-3) → first page.
describe('MT-1, NCC-1, MT-3: invitation → set password → passcode → user agreement → first page', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-3, NCC-1: the administrator sets an agreement; an invited user passes every step to Agency', async () => {
    const admin = await portal.newPage();
    await signIn(admin.page, ADMIN.email, DEMO_PASSWORD);
    await enterPasscode(admin.page);
    await admin.page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    // MT-3: the council network has no agreement until its administrator sets one.
    const nav = admin.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Network settings' }).click();
    await admin.page.getByRole('heading', { name: 'Network settings', level: 1 }).waitFor();
    expect(await admin.page.title()).toBe('Network settings · Portico');
    const section = admin.page.getByRole('region', { name: 'User agreement' });
    await section.getByText('Nobody has signed the user agreement yet.').waitFor();
    expect(await seriousAxeViolations(admin.page)).toEqual([]);
    await section.getByRole('switch', { name: 'Require a user agreement' }).check();
    await section.getByRole('button', { name: 'Save user agreement' }).click();
    await section.getByText('Enter a version, such as 2026-01.').waitFor();
    await section.getByLabel(/^Version/).fill(VERSION);
    await section.getByLabel(/^Agreement text/).fill(TEXT);
    await section.getByRole('button', { name: 'Save user agreement' }).click();
    await admin.page.getByText('User agreement saved').waitFor();
    expect(await seriousAxeViolations(admin.page)).toEqual([]);

    // MT-1: the administrator adds the user; the invitation is emailed.
    await nav.getByRole('link', { name: 'Users' }).click();
    await admin.page.getByRole('button', { name: 'Add user' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Email').fill(NEW_USER.email);
    await dialog.getByLabel('Full name').fill(NEW_USER.name);
    await dialog.getByRole('combobox', { name: 'Program' }).fill('Residential Care');
    await admin.page.getByRole('option', { name: /Residential Care/ }).click();
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await admin.page.getByRole('option', { name: 'Read Only', exact: true }).click();
    await admin.page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save user' }).click();
    await admin.page.getByText('User added').waitFor();
    await expect.poll(() => portal.latestMailBody(NEW_USER.email)).toContain('/set-password?token=');
    const link = linkIn(await portal.latestMailBody(NEW_USER.email), '/set-password');

    // The user: set a password from the link (council rules), sign in, choose a passcode.
    const { page, context } = await portal.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set your password', level: 1 }).waitFor();
    await page.getByLabel(/^New password/).fill(NEW_USER.password);
    await page.getByLabel('Repeat new password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password is saved. Sign in with it.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your passcode', level: 1 }).waitFor();
    await page.getByLabel(/^Passcode/).fill(DEMO_PASSCODE);
    await page.getByLabel('Repeat passcode').fill(DEMO_PASSCODE);
    await page.getByRole('button', { name: 'Save passcode' }).click();

    // MT-3: then the agreement the administrator wrote, then the first page.
    await page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
    await page.getByText(`Version ${VERSION}`).waitFor();
    await page.getByRole('region', { name: 'Agreement text' }).getByText('Council portal terms of use.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signAgreement(page, NEW_USER.name);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Residential Care');
    await context.close();

    // The administrator sees the signature, and is asked to sign at the next sign-in too.
    await nav.getByRole('link', { name: 'Agency', exact: true }).click();
    await nav.getByRole('link', { name: 'Network settings' }).click();
    await section.getByRole('row').filter({ hasText: NEW_USER.email }).getByRole('cell', { name: VERSION }).waitFor();
    await admin.context.close();
    const again = await portal.newPage();
    await signIn(again.page, ADMIN.email, DEMO_PASSWORD);
    await enterPasscode(again.page);
    await signAgreement(again.page, ADMIN.name);
    await again.page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await again.context.close();
  });
});
