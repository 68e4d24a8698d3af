import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey: MT-9 / MT-15 — a provider finds programs by county and service, exports them, and clears the filters.
describe('a provider searches the directory and exports the result (MT-9, MT-15)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-9: filters by county and service, sees the listing, exports CSV, and gets an empty state to clear', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, 'provider@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('heading', { name: 'Directory', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Home-Delivered Meals' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Mantine's select inputs are comboboxes or text boxes depending on the version: either will do.
    const select = (name: string) =>
      page
        .getByRole('combobox', { name, exact: true })
        .or(page.getByRole('textbox', { name, exact: true }))
        .first();
    await select('County').click();
    await page.getByRole('option', { name: 'Riverside' }).click();
    await select('Service').fill('Meals');
    await page.getByRole('option', { name: 'Meals', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?county=Riverside&service=food.meals');
    const card = page.getByRole('article', { name: 'Home-Delivered Meals' });
    await card.getByText('Desert Meals on Wheels').waitFor();
    await card.getByText('Medicare, Medicaid, None required / sliding scale').waitFor();
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // MT-15: the export is the same query, as a real file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^directory-\d{4}-\d{2}-\d{2}-riverside-food-meals\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Program,Organization,Services');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Home-Delivered Meals']);

    // A name no program has: the empty state offers to clear the filters.
    await page.getByLabel('Organization or program name').fill('zzzz');
    await page.getByText('No programs match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('heading', { name: 'Family Navigation' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  it('MT-9: a gatekeeper edits the program’s directory listing on the Agency page and referrers find it by telemedicine', async () => {
    const { page, context } = await portal.newPage();
    await signIn(page, 'gatekeeper@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Directory listing' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Edit listing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit directory listing' });
    await dialog.getByLabel('Serves clients by telemedicine').check();
    await dialog.getByLabel('Counties served by telemedicine').fill('Kern');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Hours').fill('Mon–Fri 9:00–18:00, Sat 10:00–14:00');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save listing' }).click();
    await page.getByText('Directory listing saved').waitFor();
    await page.getByText('Yes, to Kern').waitFor();

    await page.goto('/directory?county=Kern');
    const card = page.getByRole('article', { name: 'Family Navigation' });
    await card.getByText('Telemedicine', { exact: true }).first().waitFor();
    await card.getByText('Mon–Fri 9:00–18:00, Sat 10:00–14:00').waitFor();
    await context.close();
  });
});
