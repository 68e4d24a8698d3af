import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey of issue 6 across two programs of two organizations: Tenant Legal Help (Valley Legal Aid) sends,
// Family Navigation (Harbor Family Center) answers: its gatekeeper assigns, its provider works the referral.
describe('a closed loop between two organizations (MT-11, MT-12, MT-13, ND-1)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function as(email: string): Promise<Page> {
    const { page } = await portal.newPage();
    await signIn(page, email, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    return page;
  }

  it('MT-11..MT-13: the sender sends, the gatekeeper assigns, the provider enrolls and notes, the sender sees both', async () => {
    const sender = await as('provider@default.demo.test');
    const last = `Loop${Date.now().toString().slice(-6)}`;

    // A client of the sending program, with a consent naming the receiving program, e-signed.
    await sender.goto('/clients/new');
    await sender.getByLabel('Legal first name').fill('Rosa');
    await sender.getByLabel('Legal last name').fill(last);
    await sender.getByLabel('Date of birth').fill('1979-06-21');
    await sender.getByLabel('Street address').fill('5 Cedar Court');
    await sender.getByLabel('City').fill('Fresno');
    await sender.getByLabel('County').fill('Fresno');
    await sender.getByLabel('ZIP code').fill('93702');
    await sender.getByRole('button', { name: 'Save client' }).click();
    await sender.getByRole('heading', { name: `Rosa ${last}`, level: 1 }).waitFor();
    await sender.getByRole('link', { name: 'New consent' }).click();
    await sender.getByRole('button', { name: 'Add Family Navigation' }).click();
    await sender.getByLabel('Needs and services requested').check();
    await sender.getByRole('button', { name: 'Create consent' }).click();
    await sender.getByLabel(`Full name of Rosa ${last}`).fill(`Rosa ${last}`);
    await sender.getByLabel(`Rosa ${last} read this release and agrees`).check();
    await sender.getByRole('button', { name: 'Sign', exact: true }).click();
    await sender
      .getByText(/^Valid until/)
      .first()
      .waitFor();

    // MT-11: the referral panel has a tile for Family Navigation; send with the insurance confirmation.
    await sender
      .getByRole('link', { name: `Rosa ${last}` })
      .first()
      .click();
    await sender.getByRole('link', { name: 'Start referral to Family Navigation' }).click();
    await sender.getByRole('heading', { name: 'New referral', level: 1 }).waitFor();
    await sender.getByText('Do not enter medical records.').waitFor();
    await sender.getByLabel('Reason for referral').fill('Needs help finding stable housing for her family.');
    expect(await seriousAxeViolations(sender)).toEqual([]);
    // MT-11: Family Navigation's own intake questions; the required ones are asked for before sending.
    await sender.getByRole('heading', { name: 'Family Navigation intake' }).waitFor();
    await sender.getByRole('button', { name: 'Send referral' }).click();
    await sender.getByText('Some required questions are not answered').waitFor();
    await sender.getByLabel('People in the household').fill('4');
    await sender
      .getByRole('combobox', { name: 'Best time to reach the client' })
      .or(sender.getByRole('textbox', { name: 'Best time to reach the client' }))
      .first()
      .click();
    await sender.getByRole('option', { name: 'Evening' }).click();
    await sender.getByRole('radio', { name: 'No' }).check();
    await sender.getByRole('checkbox', { name: 'Housing' }).check();
    await sender.getByRole('button', { name: 'Send referral' }).click();
    await sender.getByLabel('Insurance is not a barrier for this referral').check();
    await sender.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
    await sender.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralPath = new URL(sender.url()).pathname;
    await sender.getByText('Only the receiving program updates the status', { exact: false }).waitFor();

    // MT-12 / ND-1: the gatekeeper finds it in Pending records and assigns the program's provider.
    const gatekeeper = await as('gatekeeper@default.demo.test');
    await gatekeeper.getByRole('navigation').getByRole('link', { name: 'Referrals' }).click();
    await gatekeeper
      .getByRole('link', { name: new RegExp(`Rosa ${last}`) })
      .first()
      .click();
    await gatekeeper.waitForURL(new RegExp(`${referralPath}$`));
    const intake = gatekeeper.getByRole('region', { name: 'Family Navigation intake' });
    await intake.getByText('Evening').waitFor();
    await intake.getByText('Housing', { exact: true }).waitFor();
    await gatekeeper
      .getByRole('combobox', { name: 'Provider' })
      .or(gatekeeper.getByRole('textbox', { name: 'Provider' }))
      .first()
      .click();
    await gatekeeper.getByRole('option', { name: 'Nico Navigator' }).click();
    await gatekeeper.getByRole('button', { name: 'Assign' }).click();
    await gatekeeper.getByText('Nico Navigator').first().waitFor();
    expect(await seriousAxeViolations(gatekeeper)).toEqual([]);

    // MT-13: the provider sets "Enrolled in services" and adds a shared note.
    const provider = await as('navigator@default.demo.test');
    await provider.goto(referralPath);
    await provider
      .getByRole('combobox', { name: 'Service status' })
      .or(provider.getByRole('textbox', { name: 'Service status' }))
      .first()
      .click();
    await provider.getByRole('option', { name: 'Enrolled in services', exact: true }).click();
    await provider.getByRole('button', { name: 'Update status' }).click();
    await provider.getByText('Enrolled in services').first().waitFor();
    await provider.getByRole('textbox', { name: /^Note/ }).fill('Called Rosa; intake visit booked for Monday.');
    await provider.getByRole('button', { name: 'Add note' }).click();
    await provider.getByText('Called Rosa; intake visit booked for Monday.').first().waitFor();
    expect(await seriousAxeViolations(provider)).toEqual([]);

    // The sender sees the status and the shared note, read-only.
    await sender.reload();
    await sender.getByText('Enrolled in services').first().waitFor();
    await sender.getByText('Called Rosa; intake visit booked for Monday.').first().waitFor();
    expect(await sender.getByRole('button', { name: 'Update status' }).count()).toBe(0);
  });
});
