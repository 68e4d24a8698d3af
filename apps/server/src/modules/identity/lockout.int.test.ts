import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { buildTestApp, signIn, TEST_PASSCODE, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { lastMailTo, linkToken } from '../../test/mail.js';
import { auditActionsAbout, cookieOf, getSession, postSignIn, requestReset, userRow } from '../../test/sign-in.js';

const WRONG = 'Wrong-password-99';
const count = (rows: { action: string }[], action: string) => rows.filter((r) => r.action === action).length;

describe(`lockout after failed sign-ins on ${testDriver} (NCC-1, NIST default)`, () => {
  let app: App;
  let database: Database;
  let ncc: Awaited<ReturnType<typeof makeTenantPair>>;
  let nist: Awaited<ReturnType<typeof makeTenantPair>>;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
    ncc = await makeTenantPair(database.db, 'council-payments');
    nist = await makeTenantPair(database.db, 'default');
  });
  afterAll(() => app.close());

  const nccUser = () => makeUser(database.db, [[ncc.a, ['ncc_read_only']]]);
  const passcode = (cookie: string, code: string) =>
    app.inject({ method: 'POST', url: '/api/session/passcode', headers: { cookie }, payload: { passcode: code } });
  const unlock = (cookie: string, userId: string) =>
    app.inject({ method: 'POST', url: `/api/users/${userId}/unlock`, headers: { cookie } });

  it('NCC-1: the third wrong password answers 423 (code locked) and locks the account', async () => {
    const user = await nccUser();
    const first = await postSignIn(app, user.email, WRONG);
    const second = await postSignIn(app, user.email, WRONG);
    expect([first.statusCode, second.statusCode]).toEqual([401, 401]);
    const third = await postSignIn(app, user.email, WRONG);
    expect(third.statusCode).toBe(423);
    expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(third.json()).toMatchObject({ status: 423, code: 'locked' });
    expect(third.json().detail).toMatch(/locked after 3 failed sign-ins/);
    const row = await userRow(database.db, user.id);
    expect(row.lockedAt).not.toBeNull();
    expect(row.failedAttempts).toBe(3);
  });

  it('NCC-1 / X-2: once locked, even the right password answers 423 saying how to get it unlocked; all is audited', async () => {
    const user = await nccUser();
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, WRONG);
    const right = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('locked');
    expect(right.json().detail).toMatch(/administrator to unlock it/);
    expect(right.json().detail).toMatch(/Forgot password/);
    expect(right.cookies.find((c) => c.name === 'portico_session')).toBeUndefined();
    const audit = await auditActionsAbout(database.db, ncc.network.id, user.id, [
      'session.sign_in_failed',
      'user.lock',
      'session.sign_in_refused',
      'session.sign_in',
    ]);
    expect(count(audit, 'session.sign_in_failed')).toBe(3);
    expect(count(audit, 'user.lock')).toBe(1);
    expect(count(audit, 'session.sign_in_refused')).toBe(1);
    expect(count(audit, 'session.sign_in')).toBe(0);
  });

  it('NCC-1 / X-2: a network administrator unlocks the account (204, audited); then the right password works', async () => {
    const user = await nccUser();
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, WRONG);
    const res = await unlock(await signIn(app, ncc.networkAdmin.email), user.id);
    expect(res.statusCode).toBe(204);
    const row = await userRow(database.db, user.id);
    expect(row.lockedAt).toBeNull();
    expect(row.failedAttempts).toBe(0);
    const audit = await auditActionsAbout(database.db, ncc.network.id, user.id, ['user.unlock']);
    expect(audit).toEqual([{ action: 'user.unlock', actor: ncc.networkAdmin.id, entityId: user.id }]);
    const again = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(again.statusCode).toBe(200);
    expect(again.json().stage).toBe('second_factor');
  });

  it('NCC-1: without an administrator the lock does not lapse (a day later it still answers 423)', async () => {
    const user = await nccUser();
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, WRONG);
    clock.advance(24 * 60 * MINUTE);
    const res = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(423);
  });

  it('NCC-1: a program administrator (not a network administrator) may not unlock (403) and the lock stays', async () => {
    const user = await nccUser();
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, WRONG);
    const res = await unlock(await signIn(app, ncc.adminA.email), user.id);
    expect(res.statusCode).toBe(403);
    expect((await userRow(database.db, user.id)).lockedAt).not.toBeNull();
  });

  it('NCC-1: a successful sign-in resets the count of failures', async () => {
    const user = await nccUser();
    for (let i = 0; i < 2; i++) await postSignIn(app, user.email, WRONG);
    await signIn(app, user.email);
    expect((await userRow(database.db, user.id)).failedAttempts).toBe(0);
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await postSignIn(app, user.email, WRONG)).statusCode);
    expect(statuses).toEqual([401, 401]);
    expect((await userRow(database.db, user.id)).lockedAt).toBeNull();
  });

  it('NCC-1 / X-2: three wrong passcodes lock the account too and end the half-open session', async () => {
    const user = await nccUser();
    const first = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(first.json().stage).toBe('second_factor');
    const cookie = cookieOf(first);
    for (const code of ['246801', '975310']) {
      const res = await passcode(cookie, code);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'body.passcode', message: 'is not right' }]);
    }
    const third = await passcode(cookie, '864202');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('locked');
    expect((await getSession(app, cookie)).statusCode).toBe(401);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(423);
    const audit = await auditActionsAbout(database.db, ncc.network.id, user.id, [
      'session.second_factor_failed',
      'user.lock',
    ]);
    expect(count(audit, 'session.second_factor_failed')).toBe(3);
    expect(count(audit, 'user.lock')).toBe(1);
  });

  it('NCC-1: the guide’s way out — a password reset by email also unlocks the account', async () => {
    const user = await nccUser();
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, WRONG);
    expect((await requestReset(app, user.email)).statusCode).toBe(202);
    const token = linkToken((await lastMailTo(database.db, user.email)).body);
    const set = await app.inject({ method: 'POST', url: '/api/password', payload: { token, password: 'Norfolk2026' } });
    expect(set.statusCode).toBe(200);
    const res = await postSignIn(app, user.email, 'Norfolk2026');
    expect(res.statusCode).toBe(200);
    expect((await passcode(cookieOf(res), TEST_PASSCODE)).json()).toEqual({ stage: null });
  });

  it('NCC-1 (NIST default preset): 10 failures lock for 15 minutes; after that the right password works without an administrator', async () => {
    const user = await makeUser(database.db, [[nist.a, ['mt_provider']]]);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await postSignIn(app, user.email, WRONG)).statusCode);
    expect(statuses).toEqual([...Array(9).fill(401), 423]);
    const lockedAt = clock.now();
    const during = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(during.statusCode).toBe(423);
    const until = new Date(lockedAt.getTime() + 15 * MINUTE).toISOString().slice(11, 16);
    expect(during.json().detail).toContain(`Try again after ${until} UTC`);
    clock.advance(14 * MINUTE);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(423);
    clock.advance(MINUTE);
    const after = await postSignIn(app, user.email, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(after.json().stage).toBeNull();
    const row = await userRow(database.db, user.id);
    expect([row.lockedAt, row.failedAttempts]).toEqual([null, 0]);
  });

  it('NCC-1 (NIST default preset): 9 failures do not lock', async () => {
    const user = await makeUser(database.db, [[nist.a, ['mt_provider']]]);
    for (let i = 0; i < 9; i++) await postSignIn(app, user.email, WRONG);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
