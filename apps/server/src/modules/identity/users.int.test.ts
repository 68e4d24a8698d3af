import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';

describe(`users of a network on ${testDriver}`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let other: Awaited<ReturnType<typeof makeTenantPair>>;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    other = await makeTenantPair(database.db);
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const create = (cookie: string, payload: object) =>
    app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });
  const newEmail = () => `user-${randomUUID().slice(0, 8)}@example.test`;

  it('X-1: a network administrator lists the users of their network and of no other', async () => {
    const res = await get(admin, '/api/users?limit=200');
    expect(res.statusCode).toBe(200);
    const emails = res.json().items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([t.networkAdmin.email, t.adminA.email, t.adminB.email]));
    for (const u of [other.networkAdmin, other.adminA, other.adminB]) expect(emails).not.toContain(u.email);
    expect(res.body).not.toContain(other.a.name);

    const adminA = res.json().items.find((u: { id: string }) => u.id === t.adminA.id);
    expect(adminA.memberships).toEqual([
      expect.objectContaining({ programId: t.a.id, programName: t.a.name, roles: ['mt_gatekeeper'], endsAt: null }),
    ]);
    const search = await get(admin, `/api/users?q=${encodeURIComponent(other.adminA.email)}`);
    expect(search.json().items).toEqual([]);
  });

  it('X-1: a network administrator adds a user with memberships in two programs', async () => {
    const email = newEmail();
    const res = await create(admin, {
      email,
      name: 'Two Programs',
      phone: '406-555-0150',
      memberships: [
        { programId: t.a.id, roles: ['mt_provider'], regions: ['North'] },
        { programId: t.b.id, roles: ['mt_gatekeeper', 'mt_provider'], title: 'Lead' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email,
      name: 'Two Programs',
      phone: '406-555-0150',
      status: 'active',
      lastSignInAt: null,
    });
    expect(user.memberships.map((m: { programId: string; roles: string[] }) => [m.programId, m.roles]).sort()).toEqual(
      [
        [t.a.id, ['mt_provider']],
        [t.b.id, ['mt_gatekeeper', 'mt_provider']],
      ].sort(),
    );
    const read = await get(admin, `/api/users/${user.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
  });

  it('X-5: an email that already belongs to a user is refused naming body.email', async () => {
    const res = await create(admin, {
      email: t.adminB.email.toUpperCase(),
      name: 'Duplicate',
      memberships: [{ programId: t.a.id, roles: ['mt_provider'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.email');
  });

  it('X-5: a membership in a program of another network is refused and the user is not created', async () => {
    const email = newEmail();
    const res = await create(admin, {
      email,
      name: 'Cross Network',
      memberships: [
        { programId: t.a.id, roles: ['mt_provider'] },
        { programId: other.a.id, roles: ['mt_provider'] },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(await queryRows(database.db, sql`SELECT id FROM users WHERE lower(email) = ${email}`)).toEqual([]);
  });

  it('X-1: someone who is not a network administrator may not list, read or add users (403)', async () => {
    const gatekeeper = await signIn(app, t.adminA.email);
    expect((await get(gatekeeper, '/api/users')).statusCode).toBe(403);
    expect((await get(gatekeeper, `/api/users/${t.adminA.id}`)).statusCode).toBe(403);
    const res = await create(gatekeeper, {
      email: newEmail(),
      name: 'Not Allowed',
      memberships: [{ programId: t.a.id, roles: ['mt_provider'] }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/network administrator/);
  });
});
