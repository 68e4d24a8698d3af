import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signAgreement, signIn, startPortal } from './harness.js';

// Journey: MT-4 — a gatekeeper sees that the Food Pantry's agency agreement is due within 30 days,
// signs it again with typed name + confirmation; the network administrator sees every program's
// status and signs for the one left unsigned.
describe('MT-4: a gatekeeper signs the agency agreement for their program', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-4: due banner, sign with typed name + box, confirmation, status valid; the administrator sees all programs', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'multi@mt.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Choose the program you act as' }).waitFor();
    await page.getByLabel('Search programs').fill('Food');
    await page.getByRole('button', { name: /Food Pantry/ }).click();
    await signAgreement(page, 'Max Multi');
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Agency agreement' }).click();
    await page.getByRole('heading', { name: 'Agency agreement', level: 1 }).waitFor();
    await page.getByText(/Food Pantry: the agreement lapses on/).waitFor();
    await page.getByText(/Due in 2\d days/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Sign for Food Pantry' });
    await form.getByRole('button', { name: 'Sign for Food Pantry' }).click();
    await form.getByText('Tick the box to agree on behalf of the program.').waitFor();
    await form.getByLabel('I have read and agree to this agreement on behalf of Food Pantry').check();
    await form.getByLabel(/^Type your full name to sign/).fill('Someone Else');
    await form.getByRole('button', { name: 'Sign for Food Pantry' }).click();
    await form
      .getByText(/must be your full name/)
      .first()
      .waitFor();
    await form.getByLabel(/^Type your full name to sign/).fill('max multi');
    await form.getByRole('button', { name: 'Sign for Food Pantry' }).click();
    await page.getByRole('status').getByText('Agreement signed').waitFor();
    await page.getByText(/^Valid until/).waitFor();
    // Signed for a year: the form folds away behind a button.
    await page.getByRole('button', { name: 'Sign again now' }).waitFor();
    expect(await page.getByText(/Food Pantry: the agreement lapses on/).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const admin = (await portal.newPage()).page;
    await signIn(admin, 'admin@mt.demo.test', DEMO_PASSWORD);
    await signAgreement(admin, 'Morgan Admin');
    await admin.goto('/agency-agreement');
    await admin.getByRole('heading', { name: 'All programs of the network' }).waitFor();
    await admin.getByRole('row', { name: /Emergency Shelter.*Not signed/ }).waitFor();
    await admin
      .getByRole('row', { name: /Food Pantry.*Valid until.*Max Multi|Food Pantry.*Valid until.*max multi/i })
      .waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // The administrator signs for the unsigned program (its gatekeeper has not).
    await admin.getByRole('button', { name: 'Sign for Emergency Shelter' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Sign for Emergency Shelter' });
    await dialog.getByLabel('I have read and agree to this agreement on behalf of Emergency Shelter').check();
    await dialog.getByLabel(/^Type your full name to sign/).fill('Morgan Admin');
    await dialog.getByRole('button', { name: 'Sign for Emergency Shelter' }).click();
    await dialog.getByText('Agreement signed').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await admin.keyboard.press('Escape');
    await admin.getByRole('row', { name: /Emergency Shelter.*Valid until.*Morgan Admin/ }).waitFor();
  });
});
