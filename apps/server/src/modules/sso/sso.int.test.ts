import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { getSession } from '../../test/sign-in.js';
import { startSsoWorld } from '../../test/sso.js';
import { hashToken } from '../identity/identity.service.js';
import { users } from '../identity/identity.table.js';
import { memberships } from '../memberships/memberships.table.js';
import { ssoLogins } from './sso.table.js';

// ND-9: sign-in through the network's identity provider, a real oidc-provider on loopback,
// driven like a browser: Portico's start URL, the provider's login form, Portico's callback.
describe(`sign-in through the identity provider on ${testDriver} (ND-9)`, () => {
  let w: Awaited<ReturnType<typeof startSsoWorld>>;
  beforeAll(async () => {
    w = await startSsoWorld();
  });
  afterAll(() => w?.close());

  /** A person at the provider; the login name is fresh per test, so tests never share one. */
  const person = (email: string, verified = true) => {
    const login = `login-${randomUUID().slice(0, 8)}`;
    w.provider.accounts.set(login, { email, email_verified: verified, name: 'Provider Person' });
    return login;
  };
  const member = (fields: Partial<typeof users.$inferInsert> = {}) =>
    makeUser(w.db, [[w.t.a, ['nd_care_coordinator']]], fields);
  const sessionOf = (browser: ReturnType<typeof w.browser>) => getSession(w.app, browser.cookieHeader());
  const actions = async (userId: string) =>
    (await auditOf(w.db, w.t.network.id)).filter((e) => e.entityId === userId).map((e) => [e.action, e.details]);

  it('ND-9: a user matched by verified email (in any case) signs in, with a session like a password sign-in', async () => {
    const user = await member();
    const browser = w.browser();
    const result = await browser.signInThrough(w.startUrl, person(user.email.toUpperCase()));
    expect(result.landing).toBe('/');
    const session = await sessionOf(browser);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      user: { id: user.id, email: user.email },
      stage: null,
      acting: { programId: w.t.a.id },
    });
    expect(browser.cookies.has('portico_sso')).toBe(false);
    expect(await actions(user.id)).toEqual([
      ['session.sign_in', { method: 'oidc', issuer: w.provider.issuer, subject: expect.any(String) }],
    ]);
  });

  it('ND-9: the session still owes what the security policy asks (a forced password change here)', async () => {
    const user = await member({ mustChangePassword: true });
    const browser = w.browser();
    expect((await browser.signInThrough(w.startUrl, person(user.email))).landing).toBe('/');
    expect((await sessionOf(browser)).json()).toMatchObject({ user: { id: user.id }, stage: 'password_change' });
  });

  it('ND-9: an unknown email is refused (unknown_user) and no user or membership is created', async () => {
    const email = `stranger-${randomUUID().slice(0, 8)}@example.test`;
    const membersBefore = await membersOfNetwork();
    const browser = w.browser();
    expect((await browser.signInThrough(w.startUrl, person(email))).landing).toBe('/sign-in?sso_error=unknown_user');
    expect(browser.cookies.has('portico_session')).toBe(false);
    const [found] = await w.db.select({ n: count() }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
    expect(found!.n).toBe(0);
    expect(await membersOfNetwork()).toBe(membersBefore);
  });

  it('ND-9: an email the provider has not verified is refused (email_unverified) and audited', async () => {
    const user = await member();
    const browser = w.browser();
    const result = await browser.signInThrough(w.startUrl, person(user.email, false));
    expect(result.landing).toBe('/sign-in?sso_error=email_unverified');
    expect(browser.cookies.has('portico_session')).toBe(false);
    expect(await actions(user.id)).toEqual([
      ['session.sign_in_refused', { method: 'oidc', reason: 'email_unverified' }],
    ]);
  });

  it('ND-9: a user with no active membership in that network is refused (no_membership)', async () => {
    const elsewhere = await makeTenantPair(w.db, 'nd-care-coordination');
    const outsider = await makeUser(w.db, [[elsewhere.a, ['nd_care_coordinator']]]);
    const ended = await member();
    await w.db
      .update(memberships)
      .set({ endsAt: new Date(Date.now() - 1000) })
      .where(eq(memberships.userId, ended.id));
    for (const user of [outsider, ended]) {
      const browser = w.browser();
      expect((await browser.signInThrough(w.startUrl, person(user.email))).landing).toBe(
        '/sign-in?sso_error=no_membership',
      );
      expect(browser.cookies.has('portico_session')).toBe(false);
    }
    expect(await actions(outsider.id)).toEqual([
      ['session.sign_in_refused', { method: 'oidc', reason: 'no_membership' }],
    ]);
  });

  it('ND-9: locked and suspended accounts are refused like a password sign-in (locked)', async () => {
    const locked = await member({ lockedAt: new Date(), failedAttempts: 10 });
    const suspended = await member({ suspendedAt: new Date() });
    for (const user of [locked, suspended]) {
      const browser = w.browser();
      expect((await browser.signInThrough(w.startUrl, person(user.email))).landing).toBe('/sign-in?sso_error=locked');
      expect(browser.cookies.has('portico_session')).toBe(false);
    }
    expect(await actions(locked.id)).toEqual([['session.sign_in_refused', { method: 'oidc', reason: 'locked' }]]);
    expect(await actions(suspended.id)).toEqual([['session.sign_in_refused', { method: 'oidc', reason: 'suspended' }]]);
  });

  it('ND-9: a state works once, for 10 minutes, only in the browser that started it; cancelling is reported', async () => {
    const user = await member();
    const browser = w.browser();
    const { callback } = await browser.signInThrough(w.startUrl, person(user.email));
    expect(callback).toBeDefined();
    // The same callback again, even with the cookie it first carried: the state is spent.
    const replay = await browser.request(callback!.url, { cookie: callback!.cookie });
    expect([replay.status, replay.headers.get('location')]).toEqual([302, '/sign-in?sso_error=expired']);

    // A provider answer carried to another browser (login CSRF) opens no session there,
    // while the browser that started the sign-in could still use it.
    const attacker = w.browser();
    const { callback: lure } = await attacker.signInThrough(w.startUrl, person(user.email), { stopAtCallback: true });
    const victim = w.browser();
    const foreign = await victim.request(lure!.url);
    expect(foreign.headers.get('location')).toBe('/sign-in?sso_error=expired');
    expect(victim.cookies.has('portico_session')).toBe(false);
    expect((await attacker.request(lure!.url)).headers.get('location')).toBe('/');

    // Ten minutes at most between the start and the provider's answer.
    const late = w.browser();
    const { callback: slow } = await late.signInThrough(w.startUrl, person(user.email), { stopAtCallback: true });
    const stateHash = hashToken(new URL(slow!.url).searchParams.get('state')!);
    await w.db
      .update(ssoLogins)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoLogins.stateHash, stateHash));
    expect((await late.request(slow!.url)).headers.get('location')).toBe('/sign-in?sso_error=expired');

    const cancelled = await w.browser().signInThrough(w.startUrl, person(user.email), { abort: true });
    expect(cancelled.landing).toBe('/sign-in?sso_error=denied');
  });

  it('ND-9: a local password sign-in still works for the same user', async () => {
    const user = await member();
    expect((await w.browser().signInThrough(w.startUrl, person(user.email))).landing).toBe('/');
    const cookie = await signIn(w.app, user.email);
    expect((await getSession(w.app, cookie)).json()).toMatchObject({ user: { id: user.id } });
  });

  async function membersOfNetwork() {
    const [r] = await w.db.select({ n: count() }).from(memberships).where(eq(memberships.networkId, w.t.network.id));
    return r!.n;
  }
});
