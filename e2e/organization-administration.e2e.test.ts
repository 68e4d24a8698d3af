import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../apps/server/src/platform/notify/mail.table.js';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, startPortal } from './harness.js';

const DEMO_PASSCODE = '135790';

async function signInWithPasscode(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Enter your passcode', level: 1 }).waitFor();
  await page.getByLabel('Passcode').fill(DEMO_PASSCODE);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
}

// Journeys: NCC-5 (a provider's edit becomes a change request the council team accepts) and
// CS-1 (a provider registers without an account; the network administrator approves).
describe('organization administration (NCC-5, CS-1)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('NCC-5: a provider asks for a service change; the council team sees current vs proposed and accepts it', async () => {
    const provider = await portal.newPage();
    await signInWithPasscode(provider.page, 'administration@ncc.demo.test');
    const p = provider.page;
    await p.getByRole('button', { name: 'Edit details' }).click();
    const dialog = p.getByRole('dialog', { name: 'Edit program details' });
    await dialog.getByLabel('Description').fill('Residential care with nursing, 40 rooms');
    await dialog.getByRole('button', { name: 'Request change' }).click();
    await p.getByText('Sent to the network team for approval — see Change requests').waitFor();
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Change requests' }).click();
    await p.getByRole('heading', { name: 'Change requests', level: 1 }).waitFor();
    await p.getByRole('cell', { name: 'Service details' }).first().waitFor();
    expect(await seriousAxeViolations(p)).toEqual([]);
    await p.getByLabel('Include historical').check();
    await p.getByRole('cell', { name: 'Organisation details' }).first().waitFor();
    await provider.context.close();

    const team = await portal.newPage();
    await signInWithPasscode(team.page, 'admin@ncc.demo.test');
    const t = team.page;
    await t.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Change requests' }).click();
    const row = t
      .getByRole('row')
      .filter({ hasText: 'Ash Administration' })
      .filter({ hasText: 'Service details' })
      .first();
    await row.getByRole('button', { name: /View/ }).click();
    const drawer = t.getByRole('dialog', { name: /Service details: Residential Care/ });
    await drawer.getByRole('cell', { name: 'Residential care with nursing, 40 rooms' }).first().waitFor();
    expect(await seriousAxeViolations(t)).toEqual([]);
    await drawer.getByRole('button', { name: 'Accept…' }).first().click();
    await t.getByRole('dialog', { name: 'Accept this change?' }).getByRole('button', { name: 'Accept change' }).click();
    await t.getByText('Accepted: the change now applies').waitFor();
    await team.context.close();
  });

  it('CS-1: a provider registers from the sign-in page; the network administrator approves it', async () => {
    const applicant = await portal.newPage();
    const a = applicant.page;
    await a.goto('/sign-in');
    await a.getByRole('link', { name: 'New provider? Register your organization' }).waitFor();
    await a.goto('/register?network=health-plan');
    await a.getByRole('heading', { name: 'Register your organization' }).waitFor();
    expect(await seriousAxeViolations(a)).toEqual([]);
    await a.getByLabel('Legal name').fill('Harbor Pediatrics PLLC');
    await a.getByLabel('Tax ID (EIN)').fill('27-1234567');
    await a.getByRole('textbox', { name: /^Provider ID/ }).fill('WA0012345');
    await a.getByLabel('ZIP+4').fill('98402');
    await a.getByLabel('Program name').fill('Pediatric Primary Care');
    await a.getByLabel('Contact name').fill('Morgan Harbor');
    await a.getByLabel('Contact email').fill('morgan@harbor.demo.test');
    await a.getByRole('button', { name: 'Send registration' }).click();
    await a.getByText('ZIP needs all 9 digits (ZIP+4), as 12345-6789.').waitFor();
    await a.getByLabel('ZIP+4').fill('98402-1234');
    await a.getByRole('button', { name: 'Send registration' }).click();
    await a.getByRole('heading', { name: 'Registration received' }).waitFor();
    expect(await seriousAxeViolations(a)).toEqual([]);
    await applicant.context.close();

    const admin = await portal.newPage();
    const m = admin.page;
    await m.goto('/sign-in');
    await m.getByLabel('Email').fill('admin@hp.demo.test');
    await m.getByLabel('Password').fill(DEMO_PASSWORD);
    await m.getByRole('button', { name: 'Sign in' }).click();
    await m.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await m.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Registrations' }).click();
    await m.getByRole('heading', { name: 'Registrations', level: 1 }).waitFor();
    await m.getByRole('button', { name: /^Approve Harbor Pediatrics PLLC/ }).waitFor();
    expect(await seriousAxeViolations(m)).toEqual([]);
    await m.getByRole('button', { name: /^Approve Harbor Pediatrics PLLC/ }).click();
    await m.getByRole('button', { name: 'Approve and invite' }).click();
    await m.getByText('Harbor Pediatrics PLLC is registered; morgan@harbor.demo.test was invited').waitFor();
    // The invitation (set a password) and the approval notice, both to the applicant.
    const mails = await portal.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, 'morgan@harbor.demo.test'));
    expect(mails.map((x) => x.subject).sort()).toEqual([
      'Harbor Pediatrics PLLC is registered with Evergreen Health Plan (demo)',
      'We received your registration with Evergreen Health Plan (demo)',
      'Your Portico account for Evergreen Health Plan (demo)',
    ]);
    await admin.context.close();
  });
});
