import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { buildTestApp, signIn, TEST_PASSWORD, testDeps } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser, type TestProgram } from '../../test/factories.js';
import { lastMailTo, linkToken, mailsTo } from '../../test/mail.js';
import { auditActionsAbout, getSession, postSignIn, requestReset } from '../../test/sign-in.js';
import { RESET_ANSWER } from './password.service.js';

describe(`forgot password: a reset link by email on ${testDriver} (MT-2)`, () => {
  let app: App;
  let database: Database;
  let program: TestProgram;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
    const network = await makeNetwork(database.db, 'mt-referral-network');
    program = await makeProgram(database.db, await makeOrganization(database.db, network.id));
  });
  afterAll(() => app.close());

  const newUser = () => makeUser(database.db, [[program, ['mt_provider']]]);
  const askReset = (email: string, on: App = app) => requestReset(on, email);
  const setPassword = (token: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/password', payload: { token, password } });
  const resetLink = async (email: string) => {
    expect((await askReset(email)).statusCode).toBe(202);
    return linkToken((await lastMailTo(database.db, email)).body);
  };

  it('MT-2: an existing and an unknown address get the same 202 answer; only the existing one gets a mail', async () => {
    const user = await newUser();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const known = await askReset(user.email);
    const none = await askReset(unknown);
    expect([known.statusCode, none.statusCode]).toEqual([202, 202]);
    expect(known.json()).toEqual({ message: RESET_ANSWER });
    expect(none.json()).toEqual(known.json());
    expect(await mailsTo(database.db, unknown)).toEqual([]);
    const mails = await mailsTo(database.db, user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Reset your Portico password');
    expect(mails[0]!.body).toMatch(/30 minutes/);
    expect(mails[0]!.body).toContain('/set-password?token=');
    // The answer never carries the link.
    expect(known.body).not.toContain(linkToken(mails[0]!.body));
  });

  it('MT-2: the address is matched whatever its case', async () => {
    const user = await newUser();
    expect((await askReset(user.email.toUpperCase())).statusCode).toBe(202);
    expect(await mailsTo(database.db, user.email)).toHaveLength(1);
  });

  it('MT-2 / X-2: using the link sets the password and signs out every session', async () => {
    const user = await newUser();
    const first = await signIn(app, user.email);
    const second = await signIn(app, user.email);
    const token = await resetLink(user.email);
    const info = await app.inject({ method: 'GET', url: `/api/password/token?token=${token}` });
    expect(info.json()).toMatchObject({ email: user.email, kind: 'reset' });
    const res = await setPassword(token, 'New-Summit-7');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email: user.email });
    for (const old of [first, second]) {
      const after = await getSession(app, old);
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('unauthenticated');
    }
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await postSignIn(app, user.email, 'New-Summit-7')).statusCode).toBe(200);
    const again = await setPassword(token, 'Other-Summit-8');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.token');
    const audit = await auditActionsAbout(database.db, program.networkId, user.id, ['user.password_reset']);
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset']);
  });

  it('MT-2: the link works for 30 minutes; after 31 it is refused and the password stays', async () => {
    const user = await newUser();
    const token = await resetLink(user.email);
    clock.advance(29 * MINUTE);
    expect((await app.inject({ method: 'GET', url: `/api/password/token?token=${token}` })).statusCode).toBe(200);
    clock.advance(2 * MINUTE);
    const res = await setPassword(token, 'New-Summit-7');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.token', message: 'this link has expired or was already used; ask for a new one' },
    ]);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('MT-2: asking again gives a new link; each link is single-use', async () => {
    const user = await newUser();
    const one = await resetLink(user.email);
    const two = await resetLink(user.email);
    expect(two).not.toBe(one);
    expect((await setPassword(two, 'New-Summit-7')).statusCode).toBe(200);
    expect((await setPassword(two, 'New-Summit-8')).statusCode).toBe(400);
  });

  it('MT-2: a disabled account gets the same answer and no mail', async () => {
    const user = await makeUser(database.db, [[program, ['mt_provider']]], { status: 'disabled' });
    const res = await askReset(user.email);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ message: RESET_ANSWER });
    expect(await mailsTo(database.db, user.email)).toEqual([]);
  });

  it('X-5: a reset request without a valid email answers 400 naming body.email', async () => {
    const res = await askReset('not-an-email');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.email');
  });

  it('MT-2: the third request in a minute from one address answers 429 with Retry-After', async () => {
    const limited = await buildApp(await testDeps({ config: { signInRateLimit: 2 } }));
    await limited.ready();
    try {
      const user = await newUser();
      const statuses = [];
      for (let i = 0; i < 2; i++) statuses.push((await askReset(user.email, limited)).statusCode);
      expect(statuses).toEqual([202, 202]);
      const third = await askReset(`nobody-${randomUUID().slice(0, 8)}@example.test`, limited);
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(third.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(await mailsTo(database.db, user.email)).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});
