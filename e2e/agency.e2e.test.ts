import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signAgreement, startPortal } from './harness.js';

// Journey: MT-5 (choose the program you act as) and ND-2 (Agency page, add a contact), with axe scans.
describe('a program administrator manages the Agency contact list (MT-5, ND-2)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('signs in, chooses a program, sees the Agency page, adds a contact and signs out', async () => {
    const { page, context } = await portal.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Email').fill('multi@mt.demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // MT-5: two programs of two organizations, so the user chooses.
    await page.getByRole('heading', { name: 'Choose the program you act as' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Search programs').fill('Food');
    await page.getByRole('button', { name: /Food Pantry/ }).click();
    // MT-3: the Montana network's user agreement comes first.
    await signAgreement(page, 'Max Multi');

    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    // The acting program is shown in the header on every page.
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Food Pantry');
    await page.getByText('Lewis and Clark').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add contact' });
    await dialog.getByLabel('Provider portal email address').fill('new.volunteer@mt.demo.test');
    await dialog.getByLabel('Full name').fill('Vera Volunteer');
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Provider' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Contact added').waitFor();
    await page.getByText('Vera Volunteer', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('banner').getByRole('button', { name: 'Max Multi', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    // Signed out for real: the API refuses the old session.
    const res = await page.request.get('/api/session');
    expect(res.status()).toBe(401);
    await context.close();
  });

  it('signs in with the keyboard alone and refuses a wrong password with a clear message', async () => {
    const { page, context } = await portal.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').focus();
    await page.keyboard.type('gatekeeper@mt.demo.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByText('The email or password is not right.').waitFor();

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    // One membership: no chooser; the user agreement (MT-3), signed with the keyboard too, then Agency.
    await page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
    await page.getByLabel('I have read and accept this agreement').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Grace Gatekeeper');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Family Support Billings');
    await context.close();
  });
});
