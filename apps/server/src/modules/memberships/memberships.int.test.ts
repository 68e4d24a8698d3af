import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { isoDay, membershipIdOf } from '../../test/helpers.js';
import { users } from '../identity/identity.table.js';
import { notifications } from '../notifications/notifications.table.js';

const CONTACT_KEYS = [
  'active',
  'beginsOn',
  'canSignIn',
  'contact',
  'email',
  'endsAt',
  'membershipId',
  'name',
  'phone',
  'programId',
  'regions',
  'roles',
  'title',
  'userId',
];

describe(`contacts and memberships on ${testDriver} (ND-2)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let gatekeeper: string;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    gatekeeper = await signIn(app, t.adminA.email);
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const newEmail = () => `contact-${randomUUID().slice(0, 8)}@example.test`;
  const addContact = (cookie: string, programId: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/programs/${programId}/contacts`, headers: { cookie }, payload });
  const patch = (cookie: string, membershipId: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/memberships/${membershipId}`, headers: { cookie }, payload });
  const contacts = async (programId: string, query = '') =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/programs/${programId}/contacts${query}`,
        headers: { cookie: gatekeeper },
      })
    ).json().items as { membershipId: string; email: string; active: boolean; endsAt: string | null }[];

  it('ND-2: the contact list shows each contact with roles, regions, begin and end dates and whether active', async () => {
    const email = newEmail();
    const added = await addContact(gatekeeper, t.a.id, {
      email,
      name: 'Reggie Regions',
      phone: '406-555-0123',
      title: 'Case manager',
      roles: ['mt_provider'],
      regions: ['North', 'East'],
    });
    expect(added.statusCode).toBe(201);
    const list = await contacts(t.a.id);
    expect(list.map((c) => c.email)).toEqual(expect.arrayContaining([t.adminA.email, email]));
    const contact = list.find((c) => c.email === email)!;
    expect(Object.keys(contact).sort()).toEqual(CONTACT_KEYS);
    expect(contact).toMatchObject({
      programId: t.a.id,
      name: 'Reggie Regions',
      title: 'Case manager',
      roles: ['mt_provider'],
      regions: ['North', 'East'],
      beginsOn: isoDay(0),
      endsAt: null,
      active: true,
      canSignIn: false,
    });
  });

  it('ND-2: adding a contact with a new email creates the user', async () => {
    const email = newEmail();
    const res = await addContact(gatekeeper, t.a.id, { email, name: 'New Person', roles: ['mt_provider'] });
    expect(res.statusCode).toBe(201);
    const [user] = await database.db.select().from(users).where(eq(users.id, res.json().userId));
    expect(user).toMatchObject({ email, name: 'New Person', passwordHash: null });
  });

  it('ND-2: adding a contact whose email already exists reuses that user (email case ignored)', async () => {
    const existing = await makeUser(database.db, [[t.b, ['mt_provider']]]);
    const res = await addContact(gatekeeper, t.a.id, {
      email: existing.email.toUpperCase(),
      name: 'Other Name',
      roles: ['mt_provider'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: existing.id, name: existing.name, canSignIn: true });
  });

  it('ND-2: adding someone who is already an active member answers 409', async () => {
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const res = await addContact(gatekeeper, t.a.id, {
      email: member.email,
      name: member.name,
      roles: ['mt_gatekeeper'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(member.email);
  });

  it("X-5: a role the network's preset does not offer is refused naming body.roles", async () => {
    const res = await addContact(gatekeeper, t.a.id, {
      email: newEmail(),
      name: 'Wrong Role',
      roles: ['nd_care_coordinator'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'body.roles', message: expect.stringContaining('Care coordinator') });
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const change = await patch(gatekeeper, await membershipIdOf(database.db, member.id, t.a.id), {
      roles: ['ncc_read_only'],
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().errors[0].field).toBe('body.roles');
  });

  it('X-5: a bad email or a missing name is refused naming the field', async () => {
    const res = await addContact(gatekeeper, t.a.id, { email: 'not-an-email', roles: ['mt_provider'] });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.email', 'body.name']);
  });

  it('ND-2: only a network administrator grants the network administrator role', async () => {
    const refused = await addContact(gatekeeper, t.a.id, {
      email: newEmail(),
      name: 'Would Be Admin',
      roles: ['network_admin'],
    });
    expect(refused.statusCode).toBe(403);
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const membershipId = await membershipIdOf(database.db, member.id, t.a.id);
    expect((await patch(gatekeeper, membershipId, { roles: ['network_admin'] })).statusCode).toBe(403);
    const granted = await addContact(admin, t.office.id, {
      email: newEmail(),
      name: 'Second Admin',
      roles: ['network_admin'],
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().roles).toEqual(['network_admin']);
  });

  it("ND-2: an administrator changes a contact's roles, and the contact is told", async () => {
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const res = await patch(gatekeeper, await membershipIdOf(database.db, member.id, t.a.id), {
      roles: ['mt_gatekeeper', 'mt_provider'],
      regions: ['West'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: member.id, roles: ['mt_gatekeeper', 'mt_provider'], regions: ['West'] });
    const told = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'membership.roles_changed')));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('Gatekeeper');
  });

  it('ND-2: ending access hides the contact from the list unless ended contacts are included; clearing the end date restores it', async () => {
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const membershipId = await membershipIdOf(database.db, member.id, t.a.id);
    expect((await patch(gatekeeper, membershipId, { endsOn: isoDay(0) })).statusCode).toBe(200);

    expect((await contacts(t.a.id)).map((c) => c.membershipId)).not.toContain(membershipId);
    const ended = (await contacts(t.a.id, '?includeEnded=true')).find((c) => c.membershipId === membershipId);
    expect(ended).toMatchObject({ active: false, endsAt: expect.any(String) });

    const restored = await patch(gatekeeper, membershipId, { endsOn: null });
    expect(restored.json()).toMatchObject({ active: true, endsAt: null });
    expect((await contacts(t.a.id)).map((c) => c.membershipId)).toContain(membershipId);
  });

  it('ND-2: the answer to ending access today already shows the contact as ended', async () => {
    const member = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const res = await patch(gatekeeper, await membershipIdOf(database.db, member.id, t.a.id), { endsOn: isoDay(0) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, endsAt: expect.any(String) });
  });

  it('ND-2: an administrator cannot end their own membership (409)', async () => {
    const own = await membershipIdOf(database.db, t.adminA.id, t.a.id);
    const res = await patch(gatekeeper, own, { endsOn: isoDay(0) });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/own membership/);
    expect((await contacts(t.a.id)).map((c) => c.membershipId)).toContain(own);
  });

  it('ND-2: a provider reads the contact list but cannot add or change contacts (403)', async () => {
    const provider = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const cookie = await signIn(app, provider.email);
    const list = await app.inject({ method: 'GET', url: `/api/programs/${t.a.id}/contacts`, headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(
      (await addContact(cookie, t.a.id, { email: newEmail(), name: 'X', roles: ['mt_provider'] })).statusCode,
    ).toBe(403);
    const other = await membershipIdOf(database.db, t.adminA.id, t.a.id);
    expect((await patch(cookie, other, { title: 'Changed' })).statusCode).toBe(403);
  });

  it('X-3: a user added to another program is notified (membership.added) and sees it after signing in', async () => {
    const person = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const added = await addContact(admin, t.b.id, { email: person.email, name: person.name, roles: ['mt_gatekeeper'] });
    expect(added.statusCode).toBe(201);
    const cookie = await actAs(app, person.email, t.a.id);
    const res = await app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().unreadCount).toBe(1);
    expect(res.json().items[0]).toMatchObject({
      kind: 'membership.added',
      title: `You were added to ${t.b.name}`,
      body: 'Roles: Gatekeeper.',
      readAt: null,
    });
  });
});
