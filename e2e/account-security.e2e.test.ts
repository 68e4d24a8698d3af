import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../apps/server/src/modules/identity/identity.table.js';
import { DEMO_PASSWORD, type Portal, seriousAxeViolations, startPortal } from './harness.js';

const DEMO_PASSCODE = '135790';
const USER = { email: 'readonly@ncc.demo.test', name: 'Robin Readonly' };
const OWN_PASSWORD = 'Norwich2027Broads';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function enterPasscode(page: Page) {
  await page.getByRole('heading', { name: 'Enter your passcode', level: 1 }).waitFor();
  await page.getByLabel('Passcode').fill(DEMO_PASSCODE);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Searches the Users page down to the one user (the table is re-rendered when the search applies). */
async function findUser(page: Page) {
  await page.getByLabel('Search users').fill('readonly@ncc');
  await expect.poll(() => page.getByRole('row').count()).toBe(2);
}

async function userAction(page: Page, action: string) {
  await page.getByRole('button', { name: `Actions for ${USER.name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

// Journey: NCC-1 (lockout after three failed sign-ins, unlock and reactivation by a network administrator,
// a forced password change after a temporary password) and MT-1 (temporary password by email), then the
// user's signed-in sessions.
describe('NCC-1, MT-1: a network administrator helps a locked-out council user back in', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('NCC-1, MT-1: locks after three failures, unlocks, sends a temporary password that must be changed', async () => {
    const user = await portal.newPage();
    const admin = await portal.newPage();

    // NCC-1: three wrong passwords lock the account; the message says how to get it unlocked.
    for (let i = 0; i < 3; i++) {
      await signIn(user.page, USER.email, 'not-the-password');
      await user.page.getByRole('alert').waitFor();
    }
    await user.page.getByText('Your account cannot be used now').waitFor();
    await user.page.getByText(/locked after 3 failed sign-ins/).waitFor();

    // A network administrator sees the lock and lifts it.
    await signIn(admin.page, 'admin@ncc.demo.test', DEMO_PASSWORD);
    await enterPasscode(admin.page);
    await admin.page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    await admin.page.goto('/users');
    await findUser(admin.page);
    const row = admin.page.getByRole('row').filter({ hasText: USER.email });
    await row.getByText('Locked', { exact: true }).waitFor();
    expect(await seriousAxeViolations(admin.page)).toEqual([]);
    await userAction(admin.page, 'Unlock');
    await admin.page.getByText(`${USER.name} is unlocked and can sign in again.`).waitFor();
    await expect.poll(() => row.getByText('Locked', { exact: true }).count()).toBe(0);

    // NCC-1: suspended after inactivity (set here in the database), reactivated from the same menu.
    await portal.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.email, USER.email));
    await admin.page.reload();
    await findUser(admin.page);
    await row.getByText('Suspended', { exact: true }).waitFor();
    await userAction(admin.page, 'Reactivate');
    await admin.page.getByText(`${USER.name} is reactivated and can sign in again.`).waitFor();

    // MT-1, NCC-1: a temporary password by email, confirmed first.
    await userAction(admin.page, 'Send temporary password');
    const confirm = admin.page.getByRole('dialog', { name: 'Send a temporary password?' });
    expect(await seriousAxeViolations(admin.page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Send temporary password' }).click();
    await admin.page.getByText(`A temporary password was emailed to ${USER.email}.`).waitFor();
    await row.getByText('Must change password', { exact: true }).waitFor();
    await expect.poll(() => portal.latestMailBody(USER.email)).toContain('temporary password');
    const temporary = /temporary password is: (\S+)/.exec((await portal.latestMailBody(USER.email)) ?? '')?.[1];
    expect(temporary).toBeTruthy();

    // The user signs in with it: passcode first, then a new password of their own before anything else.
    await signIn(user.page, USER.email, temporary ?? '');
    await enterPasscode(user.page);
    await user.page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await user.page.getByText('Your password must be changed before you continue').waitFor();
    // The council's rules are listed before the user types.
    await user.page.getByRole('listitem').filter({ hasText: 'At least 9 characters' }).waitFor();
    expect(await seriousAxeViolations(user.page)).toEqual([]);
    await user.page.goto('/agency');
    await user.page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await user.page.getByLabel('Current password').fill('wrong-temporary');
    await user.page.getByLabel(/^New password/).fill(OWN_PASSWORD);
    await user.page.getByLabel('Repeat new password').fill(OWN_PASSWORD);
    await user.page.getByRole('button', { name: 'Change password' }).click();
    await user.page.getByText('This is not your current password.').waitFor();
    await user.page.getByLabel('Current password').fill(temporary ?? '');
    await user.page.getByRole('button', { name: 'Change password' }).click();
    await user.page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();

    await user.context.close();
    await admin.context.close();
  });

  it('NCC-1: lists the signed-in sessions and signs out everywhere else', async () => {
    const first = await portal.newPage();
    const second = await portal.newPage();
    for (const { page } of [first, second]) {
      await signIn(page, USER.email, OWN_PASSWORD);
      await enterPasscode(page);
      await page.getByRole('heading', { name: 'Agency', level: 1 }).waitFor();
    }

    await first.page.getByRole('banner').getByRole('button', { name: USER.name, exact: true }).click();
    await first.page.getByRole('menuitem', { name: 'Sessions' }).click();
    await first.page.getByRole('heading', { name: 'Signed-in sessions', level: 1 }).waitFor();
    expect(await first.page.title()).toBe('Signed-in sessions · Portico');
    await first.page.getByText('This session').waitFor();
    // Both browsers (and the first test's, never signed out) are listed.
    await expect
      .poll(() => first.page.getByRole('button', { name: /^Sign out session / }).count())
      .toBeGreaterThanOrEqual(2);
    expect(await seriousAxeViolations(first.page)).toEqual([]);

    await first.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await first.page.getByText('You are signed out everywhere else.').waitFor();
    await expect.poll(() => first.page.getByRole('button', { name: /^Sign out session / }).count()).toBe(1);

    // The other browser's session has ended: its next page load goes to the sign-in page.
    await second.page.reload();
    await second.page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();

    // Signing out this session from the list leaves the portal too.
    await first.page.getByRole('button', { name: /^Sign out session .*\(this session\)$/ }).click();
    await first.page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    await first.context.close();
    await second.context.close();
  });
});
