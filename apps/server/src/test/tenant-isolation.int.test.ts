import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { App } from '../http/types.js';
import { notifications } from '../modules/notifications/notifications.table.js';
import { buildTestApp, signIn } from './app.js';
import { testDatabase, testDriver } from './db.js';
import { makeOrganization, makeProgram, makeTenantPair, makeUser } from './factories.js';
import { auditOf, membershipIdOf } from './helpers.js';

/** The ids of organization A's records that the table's URLs point at. */
interface Records {
  organizationId: string;
  programId: string;
  membershipId: string;
  notificationId: string;
  userId: string;
  /** One of the session owner's sessions (a hash prefix). */
  sessionId: string;
}

/** Who legitimately reaches the record (the control that proves the URL is right). */
type Owner = 'adminA' | 'recipient' | 'networkAdmin' | 'sessionOwner';

interface Row {
  route: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: (r: Records) => string;
  payload?: object;
  owner?: Owner;
  /**
   * What an actor of organization B gets, when not 404: a network-administrator-only route refuses
   * everyone else before it looks at the id, the same for every id (checked below), so it tells nothing.
   */
  orgActorStatus?: number;
}

/**
 * EVERY route that takes an id. A new route joins the table by adding one line here;
 * each line is checked for an actor of another organization, a network administrator of
 * another network, an id that does not exist, and the rightful owner.
 */
const ROUTES: Row[] = [
  { route: 'GET /api/organizations/:id', method: 'GET', url: (r) => `/api/organizations/${r.organizationId}` },
  {
    route: 'PATCH /api/organizations/:id',
    method: 'PATCH',
    url: (r) => `/api/organizations/${r.organizationId}`,
    payload: { phone: '406-555-0001' },
  },
  { route: 'GET /api/programs/:id', method: 'GET', url: (r) => `/api/programs/${r.programId}` },
  {
    route: 'PATCH /api/programs/:id',
    method: 'PATCH',
    url: (r) => `/api/programs/${r.programId}`,
    payload: { description: 'Changed' },
  },
  {
    route: 'GET /api/programs/:programId/contacts',
    method: 'GET',
    url: (r) => `/api/programs/${r.programId}/contacts`,
  },
  {
    route: 'POST /api/programs/:programId/contacts',
    method: 'POST',
    url: (r) => `/api/programs/${r.programId}/contacts`,
    payload: {
      email: `isolation-${randomUUID().slice(0, 8)}@example.test`,
      name: 'Isolation Probe',
      roles: ['mt_provider'],
    },
  },
  {
    route: 'PATCH /api/memberships/:id',
    method: 'PATCH',
    url: (r) => `/api/memberships/${r.membershipId}`,
    payload: { title: 'Changed' },
  },
  {
    route: 'POST /api/notifications/:id/read',
    method: 'POST',
    url: (r) => `/api/notifications/${r.notificationId}/read`,
    owner: 'recipient',
  },
  {
    route: 'GET /api/users/:id',
    method: 'GET',
    url: (r) => `/api/users/${r.userId}`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  ...(['unlock', 'reactivate', 'invitation', 'temporary-password'] as const).map(
    (action): Row => ({
      route: `POST /api/users/:id/${action}`,
      method: 'POST',
      url: (r) => `/api/users/${r.userId}/${action}`,
      owner: 'networkAdmin',
      orgActorStatus: 403,
    }),
  ),
  {
    route: 'DELETE /api/sessions/:id',
    method: 'DELETE',
    url: (r) => `/api/sessions/${r.sessionId}`,
    owner: 'sessionOwner',
  },
];

describe(`tenant isolation of every id-taking route on ${testDriver} (X-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let records: Records;
  let secrets: string[];
  const cookies = {} as Record<Owner | 'orgB' | 'otherNetworkAdmin', string>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    const tag = randomUUID().slice(0, 8);
    const org = await makeOrganization(database.db, t.network.id, `Secret Org ${tag}`);
    const program = await makeProgram(database.db, org, { name: `Secret Program ${tag}` });
    const owner = await makeUser(database.db, [[program, ['mt_gatekeeper']]]);
    const contact = await makeUser(database.db, [[program, ['mt_provider']]], {
      name: `Secret Contact ${tag}`,
      email: `secret-${tag}@example.test`,
    });
    const [note] = await database.db
      .insert(notifications)
      .values({ networkId: t.network.id, userId: contact.id, kind: 'test', title: `Secret notice ${tag}` })
      .returning({ id: notifications.id });
    records = {
      organizationId: org.id,
      programId: program.id,
      membershipId: await membershipIdOf(database.db, contact.id, program.id),
      notificationId: note!.id,
      userId: contact.id,
      sessionId: '',
    };
    secrets = [org.name, program.name, contact.name, contact.email, `Secret notice ${tag}`];

    const orgB = await makeUser(database.db, [[t.b, ['mt_gatekeeper', 'mt_provider']]]);
    const other = await makeTenantPair(database.db);
    cookies.orgB = await signIn(app, orgB.email);
    cookies.otherNetworkAdmin = await signIn(app, other.networkAdmin.email);
    cookies.adminA = await signIn(app, owner.email);
    cookies.recipient = await signIn(app, contact.email);
    cookies.networkAdmin = await signIn(app, t.networkAdmin.email);
    // The session row's record is one session of a user; the owner signs it out from a second one.
    const sessionUser = await makeUser(database.db, [[program, ['mt_provider']]]);
    const target = await signIn(app, sessionUser.email);
    cookies.sessionOwner = await signIn(app, sessionUser.email);
    const listed = await app.inject({ method: 'GET', url: '/api/sessions', headers: { cookie: target } });
    records.sessionId = (listed.json() as { items: { id: string; current: boolean }[] }).items.find(
      (s) => s.current,
    )!.id;
  });
  afterAll(() => app.close());

  const send = (row: Row, cookie: string, r: Records = records) =>
    app.inject({
      method: row.method,
      url: row.url(r),
      headers: { cookie },
      ...(row.payload ? { payload: row.payload } : {}),
    });
  const noRecord: () => Records = () => ({
    organizationId: randomUUID(),
    programId: randomUUID(),
    membershipId: randomUUID(),
    notificationId: randomUUID(),
    userId: randomUUID(),
    sessionId: randomUUID().replace(/-/g, '').slice(0, 16),
  });
  const expectNothingOfA = (body: string) => {
    for (const s of secrets) expect(body).not.toContain(s);
  };

  it('X-1: the table lists every route of the API that takes an id', () => {
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const withId = Object.entries(spec.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(withId.sort()).toEqual(ROUTES.map((r) => r.route).sort());
  });

  it.each(ROUTES)(
    'X-1: $route — an actor of organization B gets 404 (or a flat refusal) and none of A’s data',
    async (row) => {
      const before = (await auditOf(database.db, t.network.id)).length;
      const res = await send(row, cookies.orgB);
      expect(res.statusCode).toBe(row.orgActorStatus ?? 404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expectNothingOfA(res.body);
      expect((await auditOf(database.db, t.network.id)).length).toBe(before);
    },
  );

  it.each(ROUTES)('X-1: $route — A’s id answers exactly like an id that does not exist', async (row) => {
    const real = await send(row, cookies.orgB);
    const missing = await send(row, cookies.orgB, noRecord());
    expect([real.statusCode, real.json().detail]).toEqual([missing.statusCode, missing.json().detail]);
  });

  it.each(ROUTES)(
    'X-1: $route — a network administrator of another network gets 404 and none of A’s data',
    async (row) => {
      const res = await send(row, cookies.otherNetworkAdmin);
      expect(res.statusCode).toBe(404);
      expectNothingOfA(res.body);
    },
  );

  it.each(ROUTES)(
    'X-1: $route — the rightful owner gets through (so the 404s above are not a wrong URL)',
    async (row) => {
      const res = await send(row, cookies[row.owner ?? 'adminA']);
      expect(res.statusCode).toBeGreaterThanOrEqual(200);
      expect(res.statusCode).toBeLessThan(300);
    },
  );
});
