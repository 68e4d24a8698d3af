import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';

// The directory rules a network decides (issue 4): a public HSDS feed, MT-4 agreements, NCC-5 change requests.
describe(`directory settings of a network on ${testDriver} (MT-4, NCC-5, ND-2)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let admin: string;
  let member: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db, 'mt-referral-network');
    admin = await actAs(app, t.networkAdmin.email, t.office.id);
    member = await actAs(app, t.adminA.email, t.a.id);
  });
  afterAll(() => app.close());

  const settings = (cookie: string, payload: object) =>
    app.inject({ method: 'PATCH', url: '/api/network/directory', headers: { cookie }, payload });
  const search = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/directory/programs', headers: { cookie: member } });
    expect(res.statusCode).toBe(200);
    return (res.json().items as { id: string }[]).map((p) => p.id);
  };
  const feed = () => app.inject({ method: 'GET', url: `/api/hsds/${t.network.slug}/services` });

  it('MT-4: the network decides whether agreements are required; without them unsigned programs are found', async () => {
    expect(await search()).not.toContain(t.b.id);
    const res = await settings(admin, { requiresAgencyAgreement: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ requiresAgencyAgreement: false, organizationEdits: 'direct' });
    expect(await search()).toContain(t.b.id);
    expect((await settings(admin, { requiresAgencyAgreement: true })).statusCode).toBe(200);
    expect(await search()).not.toContain(t.b.id);
  });

  it('issue 4: the network decides whether its HSDS feed is public', async () => {
    expect((await settings(admin, { directoryPublic: false })).json().directoryPublic).toBe(false);
    expect((await feed()).statusCode).toBe(404);
    expect((await settings(admin, { directoryPublic: true })).json().directoryPublic).toBe(true);
    expect((await feed()).statusCode).toBe(200);
  });

  it('NCC-5 / ND-2: switching to change requests turns a member’s program edit into a request (202)', async () => {
    expect((await settings(admin, { organizationEdits: 'change_request' })).statusCode).toBe(200);
    const edit = () =>
      app.inject({
        method: 'PATCH',
        url: `/api/programs/${t.a.id}`,
        headers: { cookie: member },
        payload: { hours: 'Mon–Fri 9–5' },
      });
    const requested = await edit();
    expect(requested.statusCode).toBe(202);
    expect(requested.json().changeRequest).toMatchObject({ kind: 'service_details', status: 'pending' });
    expect((await settings(admin, { organizationEdits: 'direct' })).statusCode).toBe(200);
    expect((await edit()).statusCode).toBe(200);
  });

  it('X-1 / X-5: only a network administrator changes them; a bad value is a 400 naming the field', async () => {
    const refused = await settings(member, { directoryPublic: false });
    expect(refused.statusCode).toBe(403);
    const bad = await settings(admin, { organizationEdits: 'sometimes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.organizationEdits');
    expect((await settings(admin, {})).statusCode).toBe(400);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/audit-events?entityType=network&entityId=${t.network.id}`,
      headers: { cookie: admin },
    });
    expect(audit.body).toContain('network.directory_settings');
  });
});
