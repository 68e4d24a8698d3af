import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { DAY } from '../../platform/clock/clock.js';
import { buildTestApp, signIn, TEST_PASSCODE, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { auditActionsAbout, cookieOf, getSession, postSignIn, userRow } from '../../test/sign-in.js';

const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe(`password expiry and suspension for inactivity on ${testDriver} (NCC-1)`, () => {
  let app: App;
  let database: Database;
  let ncc: Awaited<ReturnType<typeof makeTenantPair>>;
  let mt: Awaited<ReturnType<typeof makeTenantPair>>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    ncc = await makeTenantPair(database.db, 'council-payments');
    mt = await makeTenantPair(database.db, 'mt-referral-network');
  });
  afterAll(() => app.close());

  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const passcode = (cookie: string) =>
    app.inject({
      method: 'POST',
      url: '/api/session/passcode',
      headers: { cookie },
      payload: { passcode: TEST_PASSCODE },
    });
  const changePassword = (cookie: string, newPassword: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
  const adminAction = async (userId: string, action: string) =>
    app.inject({
      method: 'POST',
      url: `/api/users/${userId}/${action}`,
      headers: { cookie: await signIn(app, ncc.networkAdmin.email) },
    });

  it('NCC-1: a password changed 366 days ago must be changed after the passcode; every other route answers 403', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { passwordChangedAt: daysAgo(366) });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('second_factor');
    const cookie = cookieOf(res);
    expect((await passcode(cookie)).json()).toEqual({ stage: 'password_change' });
    expect((await getSession(app, cookie)).json().stage).toBe('password_change');
    for (const url of ['/api/organizations', '/api/sessions', '/api/notifications', `/api/programs/${ncc.a.id}`]) {
      const blocked = await get(cookie, url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().detail).toBe('Change your password before you continue.');
    }
    const weak = await changePassword(cookie, 'norwich26');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.newPassword');
    expect((await getSession(app, cookie)).json().stage).toBe('password_change');

    const changed = await changePassword(cookie, 'Norwich2027');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ stage: null });
    expect((await get(cookie, '/api/organizations')).statusCode).toBe(200);
    const row = await userRow(database.db, user.id);
    expect(Date.now() - row.passwordChangedAt!.getTime()).toBeLessThan(DAY);
    const again = await postSignIn(app, user.email, 'Norwich2027');
    expect((await passcode(cookieOf(again))).json()).toEqual({ stage: null });
  });

  it('NCC-1: a password changed 364 days ago is still good', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { passwordChangedAt: daysAgo(364) });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect((await passcode(cookieOf(res))).json()).toEqual({ stage: null });
  });

  it('MT-1: an MT network’s passwords do not expire (366 days old signs straight in)', async () => {
    const user = await makeUser(database.db, [[mt.a, ['mt_provider']]], { passwordChangedAt: daysAgo(366) });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBeNull();
  });

  it('NCC-1 / X-2: unused for 61 days, the account is suspended: 423, suspendedAt set, audited', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { lastActiveAt: daysAgo(61) });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('locked');
    expect(res.json().detail).toMatch(/suspended because it was not used/);
    expect(res.json().detail).toMatch(/network administrator to reactivate/);
    expect(res.cookies.find((c) => c.name === 'portico_session')).toBeUndefined();
    expect((await userRow(database.db, user.id)).suspendedAt).not.toBeNull();
    const audit = await auditActionsAbout(database.db, ncc.network.id, user.id, ['user.suspend']);
    expect(audit.map((a) => a.action)).toEqual(['user.suspend']);
    // Still suspended on the next attempt.
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('NCC-1 / X-2: a network administrator reactivates the account (204, audited); then sign-in works', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { lastActiveAt: daysAgo(61) });
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(423);
    const res = await adminAction(user.id, 'reactivate');
    expect(res.statusCode).toBe(204);
    const row = await userRow(database.db, user.id);
    expect(row.suspendedAt).toBeNull();
    expect(Date.now() - row.lastActiveAt.getTime()).toBeLessThan(DAY);
    const audit = await auditActionsAbout(database.db, ncc.network.id, user.id, ['user.reactivate']);
    expect(audit).toEqual([{ action: 'user.reactivate', actor: ncc.networkAdmin.id, entityId: user.id }]);
    const cookie = await signIn(app, user.email);
    expect((await get(cookie, '/api/organizations')).statusCode).toBe(200);
  });

  it('NCC-1: reactivation is for network administrators only (403 for a program administrator)', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { lastActiveAt: daysAgo(61) });
    await postSignIn(app, user.email, TEST_PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reactivate`,
      headers: { cookie: await signIn(app, ncc.adminA.email) },
    });
    expect(res.statusCode).toBe(403);
    expect((await userRow(database.db, user.id)).suspendedAt).not.toBeNull();
  });

  it('NCC-1: 59 days unused is fine; an MT account unused for 61 days is never suspended', async () => {
    const recent = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { lastActiveAt: daysAgo(59) });
    expect((await postSignIn(app, recent.email, TEST_PASSWORD)).statusCode).toBe(200);
    const mtUser = await makeUser(database.db, [[mt.a, ['mt_provider']]], { lastActiveAt: daysAgo(61) });
    expect((await postSignIn(app, mtUser.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await userRow(database.db, mtUser.id)).suspendedAt).toBeNull();
  });

  it('NCC-1: a suspended account answers 423 with the right password only; a wrong one gets the usual 401', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]], { lastActiveAt: daysAgo(61) });
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(423);
    const wrong = await postSignIn(app, user.email, 'Wrong-password-42');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).not.toMatch(/suspend/);
  });
});
