import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, linkIn, type Portal, seriousAxeViolations, startPortal } from './harness.js';

const DEMO_PASSCODE = '135790';
const NEW_USER = { email: 'casey.carer@ncc.demo.test', name: 'Casey Carer', password: 'Brightwater42' };

// Journey: MT-1 (an administrator invites a user, who sets a password from the emailed link) and
// NCC-1 (council password rules; a passcode after the password, chosen at the first sign-in).
describe('MT-1, NCC-1: an invited council user sets a password and chooses a passcode', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-1, NCC-1: invites a user, who sets a password, signs in and chooses a passcode', async () => {
    const { page, context } = await portal.newPage();

    // NCC-1: the council administrator signs in with a password, then the passcode.
    await page.goto('/');
    await page.getByLabel('Email').fill('admin@ncc.demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your passcode', level: 1 }).waitFor();
    expect(await page.title()).toBe('Enter your passcode · Portico');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Until the passcode is given, the portal's pages send the user back here.
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Enter your passcode', level: 1 }).waitFor();
    await page.getByLabel('Passcode').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('The passcode is not right.').waitFor();
    await page.getByLabel('Passcode').fill(DEMO_PASSCODE);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    // MT-1: a network administrator adds the user; the invitation is emailed.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Email').fill(NEW_USER.email);
    await dialog.getByLabel('Full name').fill(NEW_USER.name);
    await dialog.getByRole('combobox', { name: 'Program' }).fill('Home Support');
    await page.getByRole('option', { name: /Home Support/ }).click();
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Read Only', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save user' }).click();
    await page.getByText('User added').waitFor();
    const row = page.getByRole('row').filter({ hasText: NEW_USER.email });
    await row.getByText('No password yet').waitFor();

    // The demo has no mail server: the invitation is read on the Sent mail page.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sent mail' }).click();
    await page.getByRole('heading', { name: 'Sent mail', level: 1 }).waitFor();
    await page.getByText('No mail server is configured: emails stay here.').waitFor();
    const newest = page.getByRole('listitem').first();
    await newest.getByText(`To: ${NEW_USER.email}`).waitFor();
    await newest.getByRole('button', { name: 'Show email' }).click();
    const href = await newest.getByRole('link', { name: /\/set-password\?token=/ }).getAttribute('href');
    expect(href).toMatch(/^https?:\/\//);
    const link = linkIn(href, '/set-password');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('banner').getByRole('button', { name: 'Nico Admin', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();

    // MT-1: the link opens the set-password page with the council's rules.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set your password', level: 1 }).waitFor();
    await page.getByText(NEW_USER.email).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'At least 9 characters' }).waitFor();
    expect(await page.title()).toBe('Set your password · Portico');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The browser checks the two match; the server names every rule a password fails.
    await page.getByLabel(/^New password/).fill('bright');
    await page.getByLabel('Repeat new password').fill('brighter');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    await page.getByLabel('Repeat new password').fill('bright');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('The password must be at least 9 characters long').waitFor();
    await page.getByText('The password must contain an upper-case letter.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(/^New password/).fill(NEW_USER.password);
    await page.getByLabel('Repeat new password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password is saved. Sign in with it.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();

    // NCC-1: the first sign-in asks for a passcode to be chosen.
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(NEW_USER.email);
    await page.getByLabel('Password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your passcode', level: 1 }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(/^Passcode/).fill('123456');
    await page.getByLabel('Repeat passcode').fill('123456');
    await page.getByRole('button', { name: 'Save passcode' }).click();
    await page.getByText('The passcode must not contain more than 3 ascending digits in a row.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(/^Passcode/).fill(DEMO_PASSCODE);
    await page.getByLabel('Repeat passcode').fill(DEMO_PASSCODE);
    await page.getByRole('button', { name: 'Save passcode' }).click();

    // One membership: straight to the first page of the portal.
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Home Support');
    await context.close();
  });
});
