import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey: the network decides its directory rules (MT-4 agency agreements required or not).
describe('a network administrator sets the directory rules (MT-4)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-4: requiring agency agreements takes the unsigned programs out of the directory', async () => {
    const provider = (await portal.newPage()).page;
    await signIn(provider, 'provider@default.demo.test', DEMO_PASSWORD);
    await provider.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await provider.goto('/directory');
    await provider.getByRole('heading', { name: 'Family Navigation' }).waitFor();

    const admin = (await portal.newPage()).page;
    await signIn(admin, 'admin@default.demo.test', DEMO_PASSWORD);
    await admin.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await admin.getByRole('navigation').getByRole('link', { name: 'Network settings' }).click();
    const form = admin.getByRole('form', { name: 'Directory settings' });
    await form.getByLabel('Publish the directory').waitFor();
    expect(await form.getByLabel('Publish the directory').isChecked()).toBe(true);
    await form.getByLabel('Require an agency agreement').check();
    await form.getByRole('button', { name: 'Save directory settings' }).click();
    await admin.getByText('Directory settings saved').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // No program of the default demo network has signed one, so the directory is empty now.
    await provider.reload();
    await provider
      .getByText(/The directory has no programs yet\. Programs appear here once a gatekeeper has signed/)
      .waitFor();
    expect(await provider.getByRole('article').count()).toBe(0);
  });
});
