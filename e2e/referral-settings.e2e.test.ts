import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../apps/server/src/modules/identity/identity.table.js';
import { memberships } from '../apps/server/src/modules/memberships/memberships.table.js';
import { networks } from '../apps/server/src/modules/networks/networks.table.js';
import { referrals } from '../apps/server/src/modules/referrals/referrals.table.js';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, signIn, startPortal } from './harness.js';

// Journey: the network administrator edits the refusal reasons and holidays with the keyboard, then refuses
// a waiting referral (administrators answer for any program) with the new reason, which asks for details.
describe('a network administrator sets the referral settings (MT-12, MT-16)', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('MT-12 / MT-16: a reason added and one removed, a holiday added, confirmed; the refuse form offers the new list', async () => {
    const admin = (await portal.newPage()).page;
    await signIn(admin, 'admin@default.demo.test', DEMO_PASSWORD);
    await admin.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await admin.goto('/network');
    const form = admin.getByRole('form', { name: 'Referral settings' });
    await form.getByRole('group', { name: 'Reason 1' }).waitFor();

    // Keyboard only: the new row takes the focus; its code follows the label; Space turns on "Needs details".
    await form.getByRole('button', { name: 'Add a reason' }).focus();
    await admin.keyboard.press('Enter');
    await admin.keyboard.type('No funding this year');
    const added = form.getByRole('group', { name: 'Reason 8' });
    expect(await added.getByRole('textbox', { name: 'Code' }).inputValue()).toBe('no_funding_this_year');
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('Space');
    expect(await added.getByRole('switch', { name: 'Needs details' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Remove Duplicate referral' }).focus();
    await admin.keyboard.press('Enter');
    await form.getByLabel('Add a holiday').fill('2030-12-24');
    await form.getByLabel('Add a holiday').press('Enter');
    await form.getByRole('list', { name: 'Holidays' }).getByRole('listitem').first().waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    await form.getByRole('button', { name: 'Save referral settings' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Save the referral settings?' });
    await dialog.getByText('Add the reason “No funding this year”.').waitFor();
    await dialog.getByText(/^Remove the reason “Duplicate referral”/).waitFor();
    await dialog.getByText(/^Add the holiday /).waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('Referral settings saved').waitFor();

    // A referral of the network waiting for an answer: the administrator answers for any program (ND-3),
    // and the refuse form offers the list as edited.
    const [waiting] = await portal.database.db
      .select({ id: referrals.id })
      .from(referrals)
      .innerJoin(networks, eq(networks.id, referrals.networkId))
      .innerJoin(users, eq(users.email, 'admin@default.demo.test'))
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.networkId, networks.id)))
      .where(eq(referrals.state, 'sent'))
      .limit(1);
    expect(waiting).toBeDefined();
    await admin.goto(`/referrals/${waiting!.id}`);
    const refuse = admin.getByRole('region', { name: 'Refuse' });
    await refuse
      .getByRole('combobox', { name: 'Reason' })
      .or(refuse.getByRole('textbox', { name: 'Reason' }))
      .first()
      .click();
    await admin.getByRole('option', { name: 'No funding this year' }).waitFor();
    expect(await admin.getByRole('option', { name: 'Duplicate referral' }).count()).toBe(0);
    await admin.getByRole('option', { name: 'No funding this year' }).click();
    await refuse.getByRole('button', { name: 'Refuse referral' }).click();
    await refuse.getByText('Say why, when the reason is “No funding this year”.').waitFor();
    await refuse.getByRole('textbox', { name: /^Details/ }).fill('Our grant for this service ended in March.');
    await refuse.getByRole('button', { name: 'Refuse referral' }).click();
    await admin.getByText('Referral refused — the sending program is told').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });
});
