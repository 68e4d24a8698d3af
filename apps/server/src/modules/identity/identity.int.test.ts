import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp, signIn, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { isoDay, membershipIdOf } from '../../test/helpers.js';

describe(`session and acting program on ${testDriver}`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let multi: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    multi = await makeUser(database.db, [
      [t.a, ['mt_provider']],
      [t.b, ['mt_gatekeeper']],
    ]);
  });
  afterAll(() => app.close());

  const session = (cookie: string) => app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  const post = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

  it('X-1: the right password signs in and sets an HttpOnly, SameSite=Lax, Path=/ cookie (not Secure over http)', async () => {
    const res = await post(t.adminA.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ id: t.adminA.id, email: t.adminA.email, name: t.adminA.name });
    const cookie = res.cookies.find((c) => c.name === 'portico_session');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(cookie?.secure).toBeFalsy();
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
  });

  it('X-1: a wrong password and an unknown email get the same 401, which does not say whether the email exists', async () => {
    const wrong = await post(t.adminA.email, 'Not-the-password-1!');
    const unknown = await post(`nobody-${t.network.id}@example.test`, 'Not-the-password-1!');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    const { requestId: _a, ...w } = wrong.json();
    const { requestId: _b, ...u } = unknown.json();
    expect(w).toEqual(u);
    expect(w.detail).not.toMatch(/exist|unknown|not found|no user/i);
    expect(wrong.cookies.find((c) => c.name === 'portico_session')).toBeUndefined();
  });

  it('X-5: a bad sign-in body answers 400 naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.email');
    const missing = await app.inject({ method: 'POST', url: '/api/session', payload: { email: t.adminA.email } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('body.password');
  });

  it('MT-5: with exactly one membership the acting program is chosen automatically', async () => {
    const res = await session(await signIn(app, t.adminA.email));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.memberships).toHaveLength(1);
    expect(body.acting).toMatchObject({
      programId: t.a.id,
      programName: t.a.name,
      organizationId: t.a.organizationId,
      networkId: t.network.id,
      roles: ['mt_gatekeeper'],
    });
    expect(body.acting.capabilities).toContain('referrals:assign');
  });

  it('MT-5: with several memberships nothing is acting until the user chooses', async () => {
    const body = (await session(await signIn(app, multi.email))).json();
    expect(body.acting).toBeNull();
    expect(body.memberships.map((m: { programId: string }) => m.programId).sort()).toEqual([t.a.id, t.b.id].sort());
  });

  it('MT-5: a route that needs a program answers 403 "Choose the program…" before one is chosen', async () => {
    const cookie = await signIn(app, multi.email);
    const res = await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/^Choose the program/);
  });

  it('MT-5: a user in programs of two organizations chooses one, then switches to the other', async () => {
    const cookie = await signIn(app, multi.email);
    const first = await app.inject({
      method: 'PUT',
      url: '/api/session/program',
      headers: { cookie },
      payload: { programId: t.b.id },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().acting).toMatchObject({
      programId: t.b.id,
      organizationId: t.b.organizationId,
      roles: ['mt_gatekeeper'],
    });
    const orgs = await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie } });
    expect(orgs.json().items.map((o: { id: string }) => o.id)).toEqual([t.b.organizationId]);

    await app.inject({
      method: 'PUT',
      url: '/api/session/program',
      headers: { cookie },
      payload: { programId: t.a.id },
    });
    const now = (await session(cookie)).json();
    expect(now.acting).toMatchObject({ programId: t.a.id, organizationId: t.a.organizationId, roles: ['mt_provider'] });
    expect(now.acting.capabilities).not.toContain('referrals:assign');
  });

  it('MT-5: choosing a program the user does not belong to answers 403 saying they are not a member', async () => {
    const cookie = await actAs(app, multi.email, t.a.id);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/session/program',
      headers: { cookie },
      payload: { programId: t.office.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/not a member/);
    expect((await session(cookie)).json().acting.programId).toBe(t.a.id);
  });

  it('X-1: signing out ends the session: the old cookie then gets 401', async () => {
    const cookie = await signIn(app, t.adminB.email);
    expect((await session(cookie)).statusCode).toBe(200);
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/portico_session=;/);
    const after = await session(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('ND-2: an end date today ends access at once, even for the session already open', async () => {
    const contact = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const contactCookie = await signIn(app, contact.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: contactCookie } })).statusCode,
    ).toBe(200);

    const admin = await signIn(app, t.adminA.email);
    const end = await app.inject({
      method: 'PATCH',
      url: `/api/memberships/${await membershipIdOf(database.db, contact.id, t.a.id)}`,
      headers: { cookie: admin },
      payload: { endsOn: isoDay(0) },
    });
    expect(end.statusCode).toBe(200);

    const next = await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: contactCookie } });
    expect(next.statusCode).toBe(403);
    expect(next.json().detail).toMatch(/membership .*has ended/);
    expect((await session(contactCookie)).json()).toMatchObject({ acting: null, memberships: [] });
    const again = await post(contact.email, TEST_PASSWORD);
    expect(again.statusCode).toBe(403);
  });

  it('ND-2: an end date in the future still grants access until that day', async () => {
    const contact = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const contactCookie = await signIn(app, contact.email);
    const admin = await signIn(app, t.adminA.email);
    const end = await app.inject({
      method: 'PATCH',
      url: `/api/memberships/${await membershipIdOf(database.db, contact.id, t.a.id)}`,
      headers: { cookie: admin },
      payload: { endsOn: isoDay(3) },
    });
    expect(end.statusCode).toBe(200);
    expect(end.json()).toMatchObject({ active: true, endsAt: `${isoDay(3)}T00:00:00.000Z` });
    const next = await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: contactCookie } });
    expect(next.statusCode).toBe(200);
    expect((await session(contactCookie)).json().acting.programId).toBe(t.a.id);
  });
});
