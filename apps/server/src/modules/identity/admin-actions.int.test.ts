import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn, TEST_PASSCODE, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { lastMailTo, linkToken, mailsTo } from '../../test/mail.js';
import { auditActionsAbout, cookieOf, getSession, postSignIn, userRow } from '../../test/sign-in.js';

type Pair = Awaited<ReturnType<typeof makeTenantPair>>;
const temporaryIn = (body: string | null) => {
  const m = /Your temporary password is: (\S+)/.exec(body ?? '');
  if (!m) throw new Error(`no temporary password in: ${body}`);
  return m[1]!;
};

describe(`an administrator's help with sign-in: temporary password, new invitation on ${testDriver} (MT-1, NCC-1)`, () => {
  let app: App;
  let database: Database;
  let mt: Pair;
  let ncc: Pair;
  let nist: Pair;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    mt = await makeTenantPair(database.db, 'mt-referral-network');
    ncc = await makeTenantPair(database.db, 'council-payments');
    nist = await makeTenantPair(database.db, 'default');
  });
  afterAll(() => app.close());

  const action = async (pair: Pair, as: 'networkAdmin' | 'adminA', userId: string, what: string) =>
    app.inject({
      method: 'POST',
      url: `/api/users/${userId}/${what}`,
      headers: { cookie: await signIn(app, pair[as].email) },
    });
  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie },
      payload: { currentPassword, newPassword },
    });

  it('MT-1 / X-2: a temporary password is emailed to the user (204, audited); the old password stops working', async () => {
    const user = await makeUser(database.db, [[mt.a, ['mt_provider']]]);
    const res = await action(mt, 'networkAdmin', user.id, 'temporary-password');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const mail = await lastMailTo(database.db, user.email);
    expect(mail.subject).toBe(`Your temporary Portico password for ${mt.network.name}`);
    const temporary = temporaryIn(mail.body);
    expect(temporary).toHaveLength(16);
    expect((await userRow(database.db, user.id)).mustChangePassword).toBe(true);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    const audit = await auditActionsAbout(database.db, mt.network.id, user.id, ['user.temporary_password']);
    expect(audit).toEqual([{ action: 'user.temporary_password', actor: mt.networkAdmin.id, entityId: user.id }]);
  });

  it('MT-1: signing in with the temporary password forces a change before anything else', async () => {
    const user = await makeUser(database.db, [[mt.a, ['mt_provider']]]);
    await action(mt, 'networkAdmin', user.id, 'temporary-password');
    const temporary = temporaryIn((await lastMailTo(database.db, user.email)).body);
    const res = await postSignIn(app, user.email, temporary);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('password_change');
    const cookie = cookieOf(res);
    const blocked = await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().detail).toBe('Change your password before you continue.');
    const changed = await change(cookie, temporary, 'Gr8-Tundra');
    expect(changed.json()).toEqual({ stage: null });
    expect((await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } })).statusCode).toBe(200);
    expect((await userRow(database.db, user.id)).mustChangePassword).toBe(false);
    // The temporary password is spent.
    expect((await postSignIn(app, user.email, temporary)).statusCode).toBe(401);
  });

  it('NCC-1: in a council network the temporary password comes after the passcode and must be changed', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]]);
    expect((await action(ncc, 'networkAdmin', user.id, 'temporary-password')).statusCode).toBe(204);
    const temporary = temporaryIn((await lastMailTo(database.db, user.email)).body);
    const res = await postSignIn(app, user.email, temporary);
    expect(res.json().stage).toBe('second_factor');
    const cookie = cookieOf(res);
    const passcode = await app.inject({
      method: 'POST',
      url: '/api/session/passcode',
      headers: { cookie },
      payload: { passcode: TEST_PASSCODE },
    });
    expect(passcode.json()).toEqual({ stage: 'password_change' });
    const weak = await change(cookie, temporary, 'Norwich2x');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toEqual({ field: 'body.newPassword', message: 'must contain at least 2 digits' });
    expect((await change(cookie, temporary, 'Norwich26')).json()).toEqual({ stage: null });
  });

  it('MT-1: issuing a temporary password ends the sessions opened with the old password', async () => {
    const user = await makeUser(database.db, [[mt.a, ['mt_provider']]]);
    const open = await signIn(app, user.email);
    expect((await action(mt, 'networkAdmin', user.id, 'temporary-password')).statusCode).toBe(204);
    // Like a reset, a password replaced by an administrator signs out everywhere (no session skips the forced change).
    expect((await getSession(app, open)).statusCode).toBe(401);
  });

  it('NCC-1: the temporary password also unlocks a locked account', async () => {
    const user = await makeUser(database.db, [[ncc.a, ['ncc_read_only']]]);
    for (let i = 0; i < 3; i++) await postSignIn(app, user.email, 'Wrong-password-99');
    expect((await userRow(database.db, user.id)).lockedAt).not.toBeNull();
    await action(ncc, 'networkAdmin', user.id, 'temporary-password');
    const temporary = temporaryIn((await lastMailTo(database.db, user.email)).body);
    expect((await postSignIn(app, user.email, temporary)).statusCode).toBe(200);
  });

  it('NCC-1 / MT-1: a network on the default (NIST) preset refuses temporary passwords with 409 and sends nothing', async () => {
    const user = await makeUser(database.db, [[nist.a, ['mt_provider']]]);
    const res = await action(nist, 'networkAdmin', user.id, 'temporary-password');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toMatch(/invitation link/);
    expect(await mailsTo(database.db, user.email)).toEqual([]);
    expect((await userRow(database.db, user.id)).mustChangePassword).toBe(false);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('MT-1 / X-2: POST /api/users/:id/invitation queues a new single-use link that works', async () => {
    const user = await makeUser(database.db, [[nist.a, ['mt_provider']]]);
    const first = await action(nist, 'networkAdmin', user.id, 'invitation');
    expect(first.statusCode).toBe(204);
    const second = await action(nist, 'networkAdmin', user.id, 'invitation');
    expect(second.statusCode).toBe(204);
    const mails = await mailsTo(database.db, user.email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(`Your Portico account for ${nist.network.name}`);
    const [a, b] = mails.map((m) => linkToken(m.body));
    expect(b).not.toBe(a);
    const info = await app.inject({ method: 'GET', url: `/api/password/token?token=${b}` });
    expect(info.json()).toMatchObject({ email: user.email, kind: 'invite' });
    const set = await app.inject({
      method: 'POST',
      url: '/api/password',
      payload: { token: b, password: 'violet harbour lantern' },
    });
    expect(set.statusCode).toBe(200);
    expect((await postSignIn(app, user.email, 'violet harbour lantern')).statusCode).toBe(200);
    const audit = await auditActionsAbout(database.db, nist.network.id, user.id, ['user.invitation']);
    expect(audit).toHaveLength(2);
  });

  it.each(['temporary-password', 'invitation', 'unlock', 'reactivate'])(
    'MT-1 / NCC-1 / X-1: a program administrator (not a network administrator) gets 403 for %s and nothing changes',
    async (what) => {
      const user = await makeUser(database.db, [[mt.a, ['mt_provider']]]);
      const cookie = await signIn(app, user.email);
      const res = await action(mt, 'adminA', user.id, what);
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/network administrator/);
      expect(await mailsTo(database.db, user.email)).toEqual([]);
      expect((await userRow(database.db, user.id)).mustChangePassword).toBe(false);
      expect((await getSession(app, cookie)).statusCode).toBe(200);
    },
  );

  it('X-1: the user themself may not issue their own temporary password (403)', async () => {
    const user = await makeUser(database.db, [[mt.a, ['mt_provider']]]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/temporary-password`,
      headers: { cookie: await signIn(app, user.email) },
    });
    expect(res.statusCode).toBe(403);
  });
});
