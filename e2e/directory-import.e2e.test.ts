import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signAgreement, startPortal } from './harness.js';

const fixtures = path.resolve('apps/server/src/modules/hsds/fixtures');

// Journey: issue 4 directory import (MT-9 directory, X-5): a network administrator imports HSDS files.
describe('a network administrator imports the directory from Open Referral HSDS 3.0 (MT-9, X-5)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-9: imports service_full.json, sees the counts and the past import, and a bad file shows its problems', async () => {
    const { page, context } = await portal.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('admin@mt.demo.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signAgreement(page, 'Morgan Admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Directory import' }).click();
    await page.getByRole('heading', { name: 'Directory import', level: 1 }).waitFor();
    await page.getByText('No import yet.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'examples/service_full.json'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('service_full.json: 2 created, 0 updated, 0 unchanged.').waitFor();
    await page.getByRole('cell', { name: '2 created, 0 updated, 0 unchanged' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ id: 'x1', name: '', status: 'active', organization_id: 'nowhere' }])),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Nothing was imported').waitFor();
    await page.getByRole('cell', { name: 'service[0] (id x1)' }).first().waitFor();
    await page.getByRole('cell', { name: 'is required' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/hsds-page.png', fullPage: true });

    const download = await page.request.get('/api/directory/export?format=json');
    expect(download.status()).toBe(200);
    expect((await download.json()).some((s: { id: string }) => s.id === 'ac148810-d857-441c-9679-408f346de14b')).toBe(
      true,
    );
    await context.close();
  });
});
