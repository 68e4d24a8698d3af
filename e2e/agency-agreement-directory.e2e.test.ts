import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signAgreement, signIn, startPortal } from './harness.js';

// Journey of issue 4: MT-4 (a program without a valid agency agreement is not visible) then MT-9 / MT-15
// (find it by county + service, export the result as a real .xlsx file).
describe('a gatekeeper signs the agency agreement, then a provider finds the program and exports it (MT-4, MT-9, MT-15)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-4: the unsigned Emergency Shelter is absent; once its gatekeeper signs, county + service finds it and Excel exports it', async () => {
    const provider = (await portal.newPage()).page;
    await signIn(provider, 'provider@mt.demo.test', DEMO_PASSWORD);
    await signAgreement(provider, 'Pat Provider');
    await provider.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    // Before: the shelter has never signed, so a search that only it would match finds nothing.
    await provider.goto('/directory?county=Missoula&service=housing.temporary-shelter');
    await provider.getByText('No programs match these filters.').waitFor();
    expect(await provider.getByRole('article', { name: 'Emergency Shelter' }).count()).toBe(0);

    const gatekeeper = (await portal.newPage()).page;
    await signIn(gatekeeper, 'shelter@mt.demo.test', DEMO_PASSWORD);
    await signAgreement(gatekeeper, 'Sam Shelter');
    await gatekeeper.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await gatekeeper.getByRole('navigation').getByRole('link', { name: 'Agency agreement' }).click();
    await gatekeeper.getByRole('heading', { name: 'Agency agreement', level: 1 }).waitFor();
    const form = gatekeeper.getByRole('form', { name: 'Sign for Emergency Shelter' });
    await form.getByLabel('I have read and agree to this agreement on behalf of Emergency Shelter').check();
    await form.getByLabel(/^Type your full name to sign/).fill('Sam Shelter');
    await form.getByRole('button', { name: 'Sign for Emergency Shelter' }).click();
    await gatekeeper.getByRole('status').getByText('Agreement signed').waitFor();
    await gatekeeper.getByText(/^Valid until/).waitFor();
    expect(await seriousAxeViolations(gatekeeper)).toEqual([]);

    // After: the provider builds the same search with the filters on the page.
    await provider.goto('/directory');
    await provider.getByRole('heading', { name: 'Directory', level: 1 }).waitFor();
    const select = (name: string) =>
      provider
        .getByRole('combobox', { name, exact: true })
        .or(provider.getByRole('textbox', { name, exact: true }))
        .first();
    await select('County').click();
    await provider.getByRole('option', { name: 'Missoula', exact: true }).click();
    await select('Service').fill('Temporary');
    await provider.getByRole('option', { name: 'Temporary Shelter', exact: true }).click();
    const card = provider.getByRole('article', { name: 'Emergency Shelter' });
    await card.getByText('Missoula Housing Partners').waitFor();
    await expect.poll(() => provider.getByRole('article').count()).toBe(1);
    expect(await seriousAxeViolations(provider)).toEqual([]);

    const [download] = await Promise.all([
      provider.waitForEvent('download'),
      provider.getByRole('link', { name: 'Export Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Program', 'Organization']);
    expect(sheet.actualRowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual([
      'Emergency Shelter',
      'Missoula Housing Partners',
    ]);
  });
});
