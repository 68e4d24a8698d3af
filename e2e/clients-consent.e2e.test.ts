import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey of issue 5: MT-7 (search first, review the likely duplicate, confirm a new person), MT-8 (create
// the client), MT-9 (a consent naming two programs of two other organizations) and MT-10 (e-sign).
describe('a provider finds no client, creates a new person and has the consent e-signed (MT-7..MT-10)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-7/MT-8/MT-9/MT-10: search → "new person" → create → consent with two programs → e-sign', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'provider@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    // MT-7: search before creating. The exact name and birth date find nobody this program may see
    // (the demo's Taylor Schmidt of this program was entered with day and month swapped).
    await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.getByText('Exact match', { exact: true }).click();
    await page.getByLabel('First name', { exact: true }).fill('Taylor');
    await page.getByLabel('Last name', { exact: true }).fill('Schmidt');
    await page.getByLabel('Date of birth').fill('1964-03-12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No client found — check the spelling or create a new client.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // MT-8: the new client; the planted near-duplicate (same name, same birth date) is reviewed first.
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByRole('heading', { name: 'New client', level: 1 }).waitFor();
    await page.getByLabel('Legal first name').fill('Taylor');
    await page.getByLabel('Legal last name').fill('Schmidt');
    await page.getByLabel('Date of birth').fill('1964-03-12');
    await page.getByLabel('Street address').fill('77 Orchard Lane');
    await page.getByLabel('City').fill('Fresno');
    await page.getByLabel('County').fill('Fresno');
    await page.getByLabel('ZIP code').fill('93701');
    await page.getByLabel('Phone', { exact: true }).fill('(559) 555-0190');
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.getByRole('heading', { name: 'This person may already be known' }).waitFor();
    expect(await page.getByText(/% match$/).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'This is a new person' }).click();
    await page.getByRole('heading', { name: 'Taylor Schmidt', level: 1 }).waitFor();
    await page.getByText('No consent yet.', { exact: false }).waitFor();

    // MT-9: a consent naming two programs of two other organizations (the provider's own is always on it).
    await page.getByRole('link', { name: 'New consent' }).click();
    await page.getByRole('heading', { name: 'New consent', level: 1 }).waitFor();
    // The form carries the client's details; a correction made here updates the client.
    await page.getByText('Address: 77 Orchard Lane, Fresno, 93701').waitFor();
    await page.getByRole('button', { name: 'Correct the client’s details' }).click();
    await page.getByLabel('Street address').fill('79 Orchard Lane');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Address: 79 Orchard Lane, Fresno, 93701').waitFor();
    await page.getByRole('button', { name: 'Add Family Navigation' }).click();
    await page.getByRole('button', { name: 'Add Home-Delivered Meals' }).click();
    await page.getByLabel('Needs and services requested').check();
    await page.getByLabel('I authorize sharing: Mental health').check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create consent' }).click();
    await page.getByText('Consent created — now collect the signature').waitFor();
    for (const program of [
      'Family Navigation (Harbor Family Center)',
      'Home-Delivered Meals (Desert Meals on Wheels)',
      'Tenant Legal Help (Valley Legal Aid)',
    ]) {
      await page.getByText(program, { exact: true }).waitFor();
    }

    // MT-10: e-sign: the client types their own full name and confirms.
    await page.getByLabel('Full name of Taylor Schmidt').fill('taylor  schmidt');
    await page.getByLabel('Taylor Schmidt read this release and agrees').check();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page
      .getByText(/^Valid until/)
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Back on the client: the consent is listed as signed.
    await page.getByRole('link', { name: 'Taylor Schmidt' }).first().click();
    await page.getByRole('heading', { name: 'Taylor Schmidt', level: 1 }).waitFor();
    await page.getByText('Signed', { exact: true }).first().waitFor();
  });
});
