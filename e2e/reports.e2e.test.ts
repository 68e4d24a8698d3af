import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey: a network administrator opens Reports from the navigation, reads the delays of the last twelve
// months over the demo network's referrals, moves with the keyboard to "Referrals to agency" (both sides of
// every pair, for the network), and finds the downloads of the report shown.
describe('a network administrator reads the referral reports (MT-15)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-15: delays and referrals to agency for the network, with their tables, pictures in words and downloads', async () => {
    const { page } = await portal.newPage();
    await signIn(page, 'admin@default.demo.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

    // Delays first: every program of the network that received referrals, with its hours to answer.
    const delays = page.getByRole('tabpanel', { name: 'Referral delays' });
    await delays
      .getByRole('status')
      .filter({ hasText: /referrals? sent from/ })
      .waitFor();
    expect(
      await delays
        .getByRole('status')
        .filter({ hasText: /every program of the network/ })
        .count(),
    ).toBe(1);
    await delays.getByRole('columnheader', { name: 'Median time to acknowledge' }).waitFor();
    expect(await delays.getByRole('row').count()).toBeGreaterThan(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The tabs by keyboard: the last one is "Referrals to agency".
    await page.getByRole('tab', { name: 'Referral delays' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const flows = page.getByRole('tabpanel', { name: 'Referrals to agency' });
    await flows.getByRole('columnheader', { name: 'From program' }).waitFor();
    await flows.getByRole('columnheader', { name: 'To program' }).waitFor();
    expect(await flows.getByRole('row').count()).toBeGreaterThan(1);
    expect(page.url()).toContain('report=to-agency');
    // One page holds the demo's rows: no pager.
    expect(await flows.getByRole('button', { name: /Next \d+ rows/ }).count()).toBe(0);

    const csv = flows.getByRole('link', { name: /^Download CSV/ });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/reports\/referrals\/to-agency\?.*format=csv/);
    const download = await Promise.all([page.waitForEvent('download'), csv.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toMatch(/^referrals-to-agency-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
