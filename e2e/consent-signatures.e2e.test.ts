import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClient } from '../apps/server/src/demo/clients.demo.js';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// MT-10: the other two signature methods, through the pages a staff member uses: a text message answered on
// the demo's phone simulator, and a paper form marked signed and its scan uploaded.
describe('a provider collects consents by text message and on paper (MT-10)', () => {
  let portal: Portal;
  // Demo client 7 of the default network belongs to the provider's program (Tenant Legal Help) and has a phone.
  const person = demoClient(7, ['Fresno']);
  const name = `${person.firstName} ${person.lastName}`;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function newConsent(page: Page) {
    await page.goto(`/clients?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name }).first().click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New consent' }).click();
    await page.getByRole('heading', { name: 'New consent', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add Family Navigation' }).click();
    await page.getByLabel('Needs and services requested').check();
    await page.getByRole('button', { name: 'Create consent' }).click();
    await page.getByText('Consent created — now collect the signature').waitFor();
  }

  it('MT-10: the client replies YES on the phone simulator, reads out the code, and the consent is signed', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'provider@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await newConsent(page);
    await page.getByRole('tab', { name: 'Text message' }).click();
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page
      .getByText(/reply YES/i)
      .first()
      .waitFor();

    // The client's side: the demo's phone simulator in a second tab.
    const phone = (await portal.newPage()).page;
    await signIn(phone, 'provider@default.demo.test', DEMO_PASSWORD);
    await phone.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await phone.getByRole('navigation').getByRole('link', { name: 'Phone simulator' }).click();
    await phone.getByRole('heading', { name: 'Phone simulator', level: 1 }).waitFor();
    // The newest number texted is chosen for the demo user.
    const log = phone.getByRole('log', { name: `Messages on ${person.phone}` });
    await log.getByText(/asks your consent/).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Reply YES' }).click();
    const codeText = await log.getByText(/Your consent code is \d{6}/).textContent({ timeout: 15_000 });
    const code = /(\d{6})/.exec(codeText ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // Staff: the page noticed the reply by itself; a wrong code counts, the right one signs.
    await page.getByLabel('Code the client received').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await page
      .getByText(/4 attempt/)
      .first()
      .waitFor();
    await page.getByLabel('Code the client received').fill(code!);
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await page
      .getByText(/^Valid until/)
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('MT-10: a paper signature waits for its scan; the uploaded PDF completes the consent', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'provider@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await newConsent(page);
    await page.getByRole('tab', { name: 'Paper' }).click();
    await page.getByLabel('Signed by').fill(name);
    await page.getByLabel('Date signed').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Mark as signed on paper' }).click();
    await page
      .getByText(/Incomplete: upload the signed form/)
      .first()
      .waitFor();

    const doc = await PDFDocument.create();
    doc.addPage().drawText(`Signed release of information — ${name}`);
    const scan = Buffer.from(await doc.save());
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'signed-scan.pdf', mimeType: 'application/pdf', buffer: scan });
    await page.getByRole('button', { name: 'Upload the signed form' }).click();
    await page.getByText('signed-scan.pdf').first().waitFor();
    await page
      .getByText(/^Valid until/)
      .first()
      .waitFor();
    expect(await page.getByText(/Incomplete: upload the signed form/).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
