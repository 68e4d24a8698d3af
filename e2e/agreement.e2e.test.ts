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

const ADMIN = { email: 'admin@mt.demo.test', name: 'Morgan Admin' };
const NEW_USER = { email: 'riley.ranger@mt.demo.test', name: 'Riley Ranger', password: 'Glacier-Park-2026' };
const VERSION = '2026-01';

// Journey: MT-3 (the network's user agreement, signed with a typed name before anything else at the
// first sign-in, not asked again once signed; administrators see who signed), after MT-1 (invitation).
describe('MT-3: a new Montana user signs the user agreement before anything else', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-3: invited user signs at the first sign-in, is not asked again; the administrator sees the signature', async () => {
    const admin = await portal.newPage();

    // The administrator owes the agreement too; signing it continues to the page asked for.
    await signIn(admin.page, ADMIN.email, DEMO_PASSWORD);
    await admin.page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
    await admin.page.goto('/users');
    await admin.page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
    await signAgreement(admin.page, ADMIN.name);
    await admin.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    // MT-1: the administrator adds the user; the invitation link is in the outbox.
    await admin.page.getByRole('button', { name: 'Add user' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Email').fill(NEW_USER.email);
    await dialog.getByLabel('Full name').fill(NEW_USER.name);
    await dialog.getByRole('combobox', { name: 'Program' }).fill('Food Pantry');
    await admin.page.getByRole('option', { name: /Food Pantry/ }).click();
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await admin.page.getByRole('option', { name: 'Provider', exact: true }).click();
    await admin.page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save user' }).click();
    await admin.page.getByText('User added').waitFor();
    await expect.poll(() => portal.latestMailBody(NEW_USER.email)).toContain('/set-password?token=');
    const link = linkIn(await portal.latestMailBody(NEW_USER.email), '/set-password');

    // MT-1 password rules, then the first sign-in.
    const user = await portal.newPage();
    const { page } = user;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set your password', level: 1 }).waitFor();
    await page.getByLabel(/^New password/).fill(NEW_USER.password);
    await page.getByLabel('Repeat new password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password is saved. Sign in with it.').waitFor();
    await signIn(page, NEW_USER.email, NEW_USER.password);

    // MT-3: the agreement comes before anything else, and other pages send the user back to it.
    await page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
    expect(await page.title()).toBe('User agreement · Portico');
    await page.getByText(`Version ${VERSION}`).waitFor();
    await page.getByRole('region', { name: 'Agreement text' }).getByText('Memorandum of understanding').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();

    // The browser asks for the tick and a name; the server checks the name is the account's.
    await page.getByRole('button', { name: 'Sign agreement' }).click();
    await page.getByText('Tick the box to accept the agreement.').waitFor();
    await page.getByText('Type your full name to sign.').waitFor();
    await page.getByLabel('I have read and accept this agreement').check();
    await page.getByLabel(/^Type your full name to sign/).fill('Someone Else');
    await page.getByRole('button', { name: 'Sign agreement' }).click();
    await page.getByText(`The name must be your name as on your account (${NEW_USER.name}).`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(/^Type your full name to sign/).fill(NEW_USER.name);
    await page.getByRole('button', { name: 'Sign agreement' }).click();
    await page.getByText('Agreement signed').waitFor();
    // Back where the user was going.
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Agency', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    // Signed in again: straight to the portal; the agreement stays readable from the user menu.
    await page.getByRole('banner').getByRole('button', { name: NEW_USER.name, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    await signIn(page, NEW_USER.email, NEW_USER.password);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: NEW_USER.name, exact: true }).click();
    await page.getByRole('menuitem', { name: 'User agreement' }).click();
    await page.getByText(`You signed version ${VERSION} on`).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to Portico' }).click();
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await user.context.close();

    // The administrator sees who signed which version.
    await admin.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Network settings' })
      .click();
    await admin.page.getByRole('heading', { name: 'Network settings', level: 1 }).waitFor();
    const signatures = admin.page.getByRole('region', { name: 'User agreement' });
    const row = signatures.getByRole('row').filter({ hasText: NEW_USER.email });
    await row.getByRole('cell', { name: VERSION }).waitFor();
    await row.getByRole('cell', { name: NEW_USER.name, exact: true }).first().waitFor();
    await signatures.getByRole('row').filter({ hasText: ADMIN.email }).waitFor();
    expect(await seriousAxeViolations(admin.page)).toEqual([]);
    await admin.context.close();
  });
});
