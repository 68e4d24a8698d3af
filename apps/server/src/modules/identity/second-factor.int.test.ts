import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, TEST_PASSCODE, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser, type TestProgram } from '../../test/factories.js';
import { auditActionsAbout, cookieOf, getSession, postSignIn, userRow } from '../../test/sign-in.js';

describe(`the 6-digit passcode as second factor on ${testDriver} (NCC-1)`, () => {
  let app: App;
  let database: Database;
  let ncc: TestProgram;
  let mt: TestProgram;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    ncc = await makeProgram(
      database.db,
      await makeOrganization(database.db, (await makeNetwork(database.db, 'council-payments')).id),
    );
    mt = await makeProgram(
      database.db,
      await makeOrganization(database.db, (await makeNetwork(database.db, 'mt-referral-network')).id),
    );
  });
  afterAll(() => app.close());

  const organizations = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } });
  const enrol = (cookie: string, passcode: string) =>
    app.inject({ method: 'PUT', url: '/api/session/passcode', headers: { cookie }, payload: { passcode } });
  const verify = (cookie: string, passcode: string) =>
    app.inject({ method: 'POST', url: '/api/session/passcode', headers: { cookie }, payload: { passcode } });
  const stageOf = async (cookie: string) => (await getSession(app, cookie)).json().stage;

  it('NCC-1: a user without a passcode signs in at stage second_factor_enrolment; nothing else is reachable', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], { passcodeHash: null });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('second_factor_enrolment');
    const cookie = cookieOf(res);
    const blocked = await organizations(cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toBe('Set up your second factor before you continue.');
    expect((await verify(cookie, TEST_PASSCODE)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/sessions', headers: { cookie } })).statusCode).toBe(403);
  });

  it('NCC-1 / X-5: a passcode with a run of more than three ascending or descending digits is refused naming body.passcode', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], { passcodeHash: null });
    const cookie = cookieOf(await postSignIn(app, user.email, TEST_PASSWORD));
    const expected: [string, RegExp][] = [
      ['123456', /more than 3 ascending digits/],
      ['654321', /more than 3 descending digits/],
      ['012345', /more than 3 ascending digits/],
      ['12345', /exactly 6 digits/],
      ['12a456', /exactly 6 digits/],
    ];
    for (const [code, rule] of expected) {
      const res = await enrol(cookie, code);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().errors).toHaveLength(1);
      expect(res.json().errors[0].field).toBe('body.passcode');
      expect(res.json().errors[0].message).toMatch(rule);
    }
    expect((await userRow(database.db, user.id)).passcodeHash).toBeNull();
    expect(await stageOf(cookie)).toBe('second_factor_enrolment');
  });

  it('NCC-1 / X-2: 124578 is accepted, stored hashed, audited, and the session is fully signed in', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], { passcodeHash: null });
    const cookie = cookieOf(await postSignIn(app, user.email, TEST_PASSWORD));
    const res = await enrol(cookie, '124578');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: null });
    expect((await organizations(cookie)).statusCode).toBe(200);
    const stored = (await userRow(database.db, user.id)).passcodeHash;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('124578');
    const audit = await auditActionsAbout(database.db, ncc.networkId, user.id, ['user.passcode_set']);
    expect(audit.map((a) => a.action)).toEqual(['user.passcode_set']);
  });

  it('NCC-1: once chosen, the passcode cannot be replaced through the first-sign-in enrolment route (403)', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], { passcodeHash: null });
    const cookie = cookieOf(await postSignIn(app, user.email, TEST_PASSWORD));
    expect((await enrol(cookie, '124578')).json()).toEqual({ stage: null });
    const stored = (await userRow(database.db, user.id)).passcodeHash;
    // A fully signed-in session (e.g. one left open) must not swap the second factor without proving it.
    const again = await enrol(cookie, '975310');
    expect(again.statusCode).toBe(403);
    expect((await userRow(database.db, user.id)).passcodeHash).toBe(stored);
  });

  it('NCC-1 / X-2: the next sign-in asks for the passcode; a wrong one answers 400, the right one completes it', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], { passcodeHash: null });
    await enrol(cookieOf(await postSignIn(app, user.email, TEST_PASSWORD)), '124578');
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('second_factor');
    const cookie = cookieOf(res);
    const blocked = await organizations(cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toBe('Enter your second factor before you continue.');
    expect((await enrol(cookie, '975310')).statusCode).toBe(403);
    const wrong = await verify(cookie, TEST_PASSCODE);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.passcode', message: 'is not right' }]);
    expect(await stageOf(cookie)).toBe('second_factor');
    const right = await verify(cookie, '124578');
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ stage: null });
    expect((await organizations(cookie)).statusCode).toBe(200);
    expect((await userRow(database.db, user.id)).failedAttempts).toBe(0);
    const audit = await auditActionsAbout(database.db, ncc.networkId, user.id, [
      'session.second_factor',
      'session.second_factor_failed',
    ]);
    expect(audit.map((a) => a.action)).toEqual(['session.second_factor_failed', 'session.second_factor']);
  });

  it('NCC-1: a new user with a temporary password changes it first, then chooses the passcode', async () => {
    const user = await makeUser(database.db, [[ncc, ['ncc_read_only']]], {
      passcodeHash: null,
      mustChangePassword: true,
    });
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.json().stage).toBe('password_change');
    const cookie = cookieOf(res);
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Broadland42' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ stage: 'second_factor_enrolment' });
    expect((await enrol(cookie, '124578')).json()).toEqual({ stage: null });
    expect((await organizations(cookie)).statusCode).toBe(200);
  });

  it('MT-1: a network without a second factor signs in straight away, passcode or not', async () => {
    for (const passcodeHash of [null, undefined]) {
      const user = await makeUser(database.db, [[mt, ['mt_provider']]], passcodeHash === null ? { passcodeHash } : {});
      const res = await postSignIn(app, user.email, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(res.json().stage).toBeNull();
      expect((await organizations(cookieOf(res))).statusCode).toBe(200);
    }
  });
});
