import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp, signIn, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeOrganization, makeProgram, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';

// X-2 through the API: each command writes its entry in its own transaction; a failed one writes nothing.
describe(`audit trail of commands on ${testDriver} (X-2, X-5)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const countRows = async (query: SQL) => Number((await queryRows<{ n: string }>(database.db, query))[0]?.n);
  const auditCount = () => auditOf(database.db, t.network.id).then((r) => r.length);

  it('X-2: creating an organization writes organization.create with actor, acting program, request id and ip', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: admin },
      payload: { name: 'Audited Org', phone: '406-555-0199' },
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    const entry = (await auditOf(database.db, t.network.id)).find(
      (e) => e.action === 'organization.create' && e.entityId === org.id,
    );
    expect(entry).toMatchObject({
      networkId: t.network.id,
      actorUserId: t.networkAdmin.id,
      actingProgramId: t.office.id,
      organizationId: t.office.organizationId,
      entityType: 'organization',
      requestId: res.headers['x-request-id'],
      ip: '127.0.0.1',
      details: { fields: ['name', 'phone'] },
    });
    // Field names only, never the values.
    expect(JSON.stringify(entry?.details)).not.toContain('406-555-0199');
  });

  it('X-2: the entry is written in the same transaction: when it cannot be written, the organization is not saved either', async () => {
    const name = `Never saved ${t.network.id}`;
    const trigger = sql.raw(`portico_test_fail_${t.network.id.replaceAll('-', '')}`);
    // Only this test's network is affected, so other test workers on a shared database carry on.
    await database.db.execute(sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_events FOR EACH ROW
      WHEN (NEW.network_id = ${sql.raw(`'${t.network.id}'::uuid`)}) EXECUTE FUNCTION audit_events_refuse_change()`);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: { cookie: admin },
        payload: { name },
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('append-only');
    } finally {
      await database.db.execute(sql`DROP TRIGGER ${trigger} ON audit_events`);
    }
    expect(await countRows(sql`SELECT count(*) AS n FROM organizations WHERE name = ${name}`)).toBe(0);
  });

  it('X-5: a 400 writes no audit entry and saves nothing', async () => {
    const before = await auditCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: admin },
      payload: { name: `Bad site ${t.network.id}`, website: 'ftp://example.test' },
    });
    expect(res.statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    expect(
      await countRows(sql`SELECT count(*) AS n FROM organizations WHERE name = ${`Bad site ${t.network.id}`}`),
    ).toBe(0);
  });

  it('X-5: a 409 on the second membership of a new user leaves no user, membership, notification or audit entry', async () => {
    const before = await auditCount();
    const email = `half-${t.network.id}@example.test`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email,
        name: 'Half Saved',
        memberships: [
          { programId: t.a.id, roles: ['mt_provider'] },
          { programId: t.a.id, roles: ['mt_gatekeeper'] },
        ],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(await countRows(sql`SELECT count(*) AS n FROM users WHERE lower(email) = ${email}`)).toBe(0);
    expect(
      await countRows(
        sql`SELECT count(*) AS n FROM notifications WHERE network_id = ${t.network.id} AND title LIKE 'You were added%'`,
      ),
    ).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('X-2: sign-in, program switch and sign-out each write an entry with the request id and acting program', async () => {
    // Two programs of one network; the one acted as belongs to the organization whose name sorts first.
    const acting = await makeProgram(
      database.db,
      await makeOrganization(database.db, t.network.id, `AAA ${t.network.id}`),
    );
    const other = await makeProgram(
      database.db,
      await makeOrganization(database.db, t.network.id, `ZZZ ${t.network.id}`),
    );
    const user = await makeUser(database.db, [
      [acting, ['mt_provider']],
      [other, ['mt_provider']],
    ]);
    const signInRes = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = `portico_session=${signInRes.cookies.find((c) => c.name === 'portico_session')?.value}`;
    const switchRes = await app.inject({
      method: 'PUT',
      url: '/api/session/program',
      headers: { cookie },
      payload: { programId: acting.id },
    });
    const outRes = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect([signInRes.statusCode, switchRes.statusCode, outRes.statusCode]).toEqual([200, 200, 204]);

    const mine = (await auditOf(database.db, t.network.id)).filter((e) => e.actorUserId === user.id);
    expect(mine.map((e) => [e.action, e.requestId, e.actingProgramId, e.organizationId])).toEqual([
      ['session.sign_in', signInRes.headers['x-request-id'], null, null],
      ['session.switch_program', switchRes.headers['x-request-id'], acting.id, acting.organizationId],
      ['session.sign_out', outRes.headers['x-request-id'], acting.id, acting.organizationId],
    ]);
    expect(mine.every((e) => e.ip === '127.0.0.1' && e.entityId !== null)).toBe(true);
  });

  it('X-2: a failed sign-in is recorded too', async () => {
    const user = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'Wrong-1!x' },
    });
    expect(res.statusCode).toBe(401);
    const mine = (await auditOf(database.db, t.network.id)).filter((e) => e.actorUserId === user.id);
    expect(mine.map((e) => [e.action, e.requestId])).toEqual([['session.sign_in_failed', res.headers['x-request-id']]]);
  });

  it('X-2: a network administrator lists the trail of a record; a program administrator may not', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: admin },
      payload: { name: 'Trail Org' },
    });
    const id = created.json().id;
    await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${id}`,
      headers: { cookie: admin },
      payload: { phone: '406-555-0111' },
    });
    const list = await app.inject({
      method: 'GET',
      url: `/api/audit-events?entityType=organization&entityId=${id}`,
      headers: { cookie: admin },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { action: string }) => e.action)).toEqual([
      'organization.update',
      'organization.create',
    ]);
    expect(list.json().items[0]).toMatchObject({ actorName: t.networkAdmin.name, details: { fields: ['phone'] } });

    const gatekeeper = await actAs(app, t.adminA.email, t.a.id);
    const denied = await app.inject({ method: 'GET', url: '/api/audit-events', headers: { cookie: gatekeeper } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toContain('audit:read');
  });
});
