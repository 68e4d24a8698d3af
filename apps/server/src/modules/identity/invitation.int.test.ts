import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { HOUR, ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testConfig, testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, type TestProgram } from '../../test/factories.js';
import { linkToken, mailsTo } from '../../test/mail.js';
import { auditActionsAbout, cookieOf, postSignIn, userRow } from '../../test/sign-in.js';
import { hashToken } from './identity.service.js';
import { authTokens } from './identity.table.js';

describe(`accounts made by an administrator, login details by email on ${testDriver} (MT-1, NCC-1)`, () => {
  let app: App;
  let database: Database;
  let mt: Awaited<ReturnType<typeof makeTenantPair>>;
  let ncc: Awaited<ReturnType<typeof makeTenantPair>>;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
    mt = await makeTenantPair(database.db, 'mt-referral-network');
    ncc = await makeTenantPair(database.db, 'council-payments');
  });
  afterAll(() => app.close());

  /** A network administrator adds a user; returns the new user and the invitation's token. */
  async function invite(pair: typeof mt, program: TestProgram, role: string) {
    const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: await signIn(app, pair.networkAdmin.email) },
      payload: { email, name: 'Ina Invitee', memberships: [{ programId: program.id, roles: [role] }] },
    });
    expect(res.statusCode).toBe(201);
    const mails = await mailsTo(database.db, email);
    expect(mails).toHaveLength(1);
    return { user: res.json(), email, mail: mails[0]!, token: linkToken(mails[0]!.body) };
  }
  const tokenInfo = (token: string) => app.inject({ method: 'GET', url: `/api/password/token?token=${token}` });
  const setPassword = (token: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/password', payload: { token, password } });

  it('MT-1: POST /api/users makes a user without a password and queues an invitation with a set-password link', async () => {
    const { user, email, mail, token } = await invite(mt, mt.a, 'mt_provider');
    expect(user).toMatchObject({ email, hasPassword: false, mustChangePassword: false, status: 'active' });
    expect((await userRow(database.db, user.id)).passwordHash).toBeNull();
    expect(mail).toMatchObject({ networkId: mt.network.id, subject: `Your Portico account for ${mt.network.name}` });
    expect(mail.body).toContain(`${testConfig().publicUrl}/set-password?token=${token}`);
    expect(mail.body).toMatch(/72 hours/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only the token's hash is stored.
    const [row] = await database.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.tokenHash, hashToken(token)));
    expect(row).toMatchObject({ userId: user.id, kind: 'invite', usedAt: null });
    expect(await database.db.select().from(authTokens).where(eq(authTokens.tokenHash, token))).toEqual([]);
    const audit = await auditActionsAbout(database.db, mt.network.id, user.id, ['user.create', 'user.invite']);
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.invite']);
  });

  it('MT-1: the invitation holds no password: until the link is used nobody can sign in', async () => {
    const { email, mail } = await invite(mt, mt.a, 'mt_provider');
    expect(mail.body).not.toMatch(/password (is|:)/i);
    expect(mail.body).not.toMatch(/temporary/i);
    for (const guess of ['Test-password-2026!', 'Portico-demo-2026!', '']) {
      const res = await postSignIn(app, email, guess || 'x');
      expect(res.statusCode).toBe(401);
    }
  });

  it('MT-1: GET /api/password/token names the account, kind invite and the MT rules', async () => {
    const { email, token } = await invite(mt, mt.a, 'mt_provider');
    const res = await tokenInfo(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email,
      kind: 'invite',
      rules: [
        'At least 8 characters',
        'An upper-case letter',
        'A lower-case letter',
        'A number',
        'A symbol such as ! # or -',
        'Not a commonly used password',
        'Not containing your email name',
      ],
    });
  });

  it('MT-1 / X-2: POST /api/password sets the password once; then the user signs in; a second use answers 400 naming body.token', async () => {
    const { user, email, token } = await invite(mt, mt.a, 'mt_provider');
    const weak = await setPassword(token, 'gr8-tundra');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ field: 'body.password', message: 'must contain an upper-case letter' }]);
    const res = await setPassword(token, 'Gr8-Tundra');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email });
    const signedIn = await postSignIn(app, email, 'Gr8-Tundra');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.id).toBe(user.id);
    expect(signedIn.json().stage).toBeNull();

    const again = await setPassword(token, 'Other-Pass9');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      { field: 'body.token', message: 'this link has expired or was already used; ask for a new one' },
    ]);
    const info = await tokenInfo(token);
    expect(info.statusCode).toBe(400);
    expect(info.json().errors[0].field).toBe('query.token');
    expect((await postSignIn(app, email, 'Other-Pass9')).statusCode).toBe(401);
    const audit = await auditActionsAbout(database.db, mt.network.id, user.id, ['user.password_set']);
    expect(audit.map((a) => a.action)).toEqual(['user.password_set']);
  });

  it('MT-1: the link works for 72 hours and is refused after', async () => {
    const { email, token } = await invite(mt, mt.a, 'mt_provider');
    clock.advance(71 * HOUR + 59 * MINUTE);
    expect((await tokenInfo(token)).statusCode).toBe(200);
    clock.advance(2 * MINUTE);
    expect((await tokenInfo(token)).statusCode).toBe(400);
    const res = await setPassword(token, 'Gr8-Tundra');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.token');
    expect((await postSignIn(app, email, 'Gr8-Tundra')).statusCode).toBe(401);
  });

  it('X-5: a made-up or malformed token is refused naming the field', async () => {
    const made = await setPassword('x'.repeat(43), 'Gr8-Tundra');
    expect(made.statusCode).toBe(400);
    expect(made.json().errors[0].field).toBe('body.token');
    const short = await tokenInfo('abc');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('query.token');
  });

  it('NCC-1: an invited council user sets a password by the NCC rules, then chooses a passcode at first sign-in', async () => {
    const { email, token } = await invite(ncc, ncc.a, 'ncc_read_only');
    const info = (await tokenInfo(token)).json();
    expect(info.rules).toEqual(expect.arrayContaining(['At least 9 characters', 'At least 2 digits']));
    const weak = await setPassword(token, 'Broadland2');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ field: 'body.password', message: 'must contain at least 2 digits' }]);
    expect((await setPassword(token, 'Broadland42')).statusCode).toBe(200);
    const res = await postSignIn(app, email, 'Broadland42');
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('second_factor_enrolment');
    const enrol = await app.inject({
      method: 'PUT',
      url: '/api/session/passcode',
      headers: { cookie: cookieOf(res) },
      payload: { passcode: '124578' },
    });
    expect(enrol.json()).toEqual({ stage: null });
  });
});
