import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf, isoDay, membershipIdOf } from '../../test/helpers.js';
import { lastMailTo, mailsTo } from '../../test/mail.js';
import { users } from '../identity/identity.table.js';
import { memberships } from '../memberships/memberships.table.js';
import { notifications } from '../notifications/notifications.table.js';

type Method = 'GET' | 'POST' | 'PATCH';

describe(`change requests on ${testDriver} (NCC-5, ND-2)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let requester: string;
  let team: string;
  let otherOrg: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db, 'council-payments');
    requester = await signIn(app, t.adminA.email);
    team = await signIn(app, t.networkAdmin.email);
    otherOrg = await signIn(app, t.adminB.email);
  });
  afterAll(() => app.close());

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const idsOf = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  it('NCC-5: a provider’s organisation edit is a pending change request; the record is unchanged until the team accepts', async () => {
    const before = (await call(requester, 'GET', `/api/organizations/${t.a.organizationId}`)).json();
    const res = await call(requester, 'PATCH', `/api/organizations/${t.a.organizationId}`, {
      phone: '01603 555 123',
      town: 'Norwich',
      postcode: 'NR1 2DH',
    });
    expect(res.statusCode).toBe(202);
    const cr = res.json().changeRequest;
    expect(cr).toMatchObject({
      kind: 'organization_details',
      status: 'pending',
      targetId: t.a.organizationId,
      proposed: { phone: '01603 555 123', town: 'Norwich', postcode: 'NR1 2DH' },
      current: { phone: before.phone, town: null, postcode: null },
      requestedBy: t.adminA.id,
    });
    const after = (await call(requester, 'GET', `/api/organizations/${t.a.organizationId}`)).json();
    expect(after).toMatchObject({ phone: before.phone, town: null, postcode: null });

    expect(idsOf(await call(requester, 'GET', '/api/change-requests'))).toContain(cr.id);
    const detail = (await call(requester, 'GET', `/api/change-requests/${cr.id}`)).json();
    expect(detail).toMatchObject({ proposed: cr.proposed, current: cr.current, organizationName: before.name });
    const audit = await auditOf(database.db, t.network.id);
    expect(audit.some((a) => a.action === 'change_request.create' && a.entityId === cr.id)).toBe(true);
    expect(audit.some((a) => a.action === 'organization.update' && a.entityId === t.a.organizationId)).toBe(false);

    const accepted = await call(team, 'POST', `/api/change-requests/${cr.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: t.networkAdmin.id });
    expect((await call(requester, 'GET', `/api/organizations/${t.a.organizationId}`)).json()).toMatchObject({
      phone: '01603 555 123',
      town: 'Norwich',
      postcode: 'NR1 2DH',
    });
    const [note] = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, t.adminA.id), eq(notifications.kind, 'change_request.accepted')));
    expect(note?.link).toBe('/change-requests');
    expect((await lastMailTo(database.db, t.adminA.email)).subject).toMatch(/accepted/);
    expect((await call(team, 'POST', `/api/change-requests/${cr.id}/accept`)).statusCode).toBe(409);
  });

  it('NCC-5: a service edit is a request; the team rejects it with a reason (required), the requester is told', async () => {
    const res = await call(requester, 'PATCH', `/api/programs/${t.a.id}`, { description: 'Day care for adults' });
    expect(res.statusCode).toBe(202);
    const cr = res.json().changeRequest;
    expect(cr).toMatchObject({ kind: 'service_details', programId: t.a.id, current: { description: null } });

    const noReason = await call(team, 'POST', `/api/change-requests/${cr.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.reason']);
    const blank = await call(team, 'POST', `/api/change-requests/${cr.id}/reject`, { reason: '   ' });
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.reason']);
    expect((await call(requester, 'POST', `/api/change-requests/${cr.id}/reject`, { reason: 'x' })).statusCode).toBe(
      403,
    );

    const rejected = await call(team, 'POST', `/api/change-requests/${cr.id}/reject`, {
      reason: 'Day care is a separate service; ask for a new one.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: 'Day care is a separate service; ask for a new one.',
    });
    expect((await call(requester, 'GET', `/api/programs/${t.a.id}`)).json().description).toBeNull();
    expect((await lastMailTo(database.db, t.adminA.email)).body).toContain('Day care is a separate service');
    expect((await call(team, 'POST', `/api/change-requests/${cr.id}/accept`)).statusCode).toBe(409);
  });

  it('NCC-5: the list shows pending requests by default and historical ones on request, filtered by kind and date', async () => {
    const pending = (await call(requester, 'PATCH', `/api/programs/${t.a.id}`, { hours: 'Mon–Fri 9–5' })).json()
      .changeRequest;
    const done = (await call(requester, 'PATCH', `/api/programs/${t.a.id}`, { eligibility: 'Adults 18+' })).json()
      .changeRequest;
    await call(team, 'POST', `/api/change-requests/${done.id}/reject`, { reason: 'Duplicate' });

    const current = idsOf(await call(requester, 'GET', '/api/change-requests'));
    expect(current).toContain(pending.id);
    expect(current).not.toContain(done.id);
    const all = idsOf(await call(requester, 'GET', '/api/change-requests?includeHistorical=true'));
    expect(all).toEqual(expect.arrayContaining([pending.id, done.id]));
    expect(idsOf(await call(requester, 'GET', '/api/change-requests?status=rejected'))).toContain(done.id);
    expect(
      idsOf(await call(team, 'GET', '/api/change-requests?includeHistorical=true&kind=contact_create')),
    ).not.toContain(pending.id);
    const today = `from=${isoDay(0)}&to=${isoDay(0)}`;
    expect(idsOf(await call(team, 'GET', `/api/change-requests?includeHistorical=true&${today}`))).toContain(done.id);
    expect(idsOf(await call(team, 'GET', `/api/change-requests?includeHistorical=true&to=${isoDay(-1)}`))).toEqual([]);
    const byOrg = idsOf(await call(team, 'GET', `/api/change-requests?organizationId=${t.b.organizationId}`));
    expect(byOrg).not.toContain(pending.id);

    const page1 = (await call(team, 'GET', '/api/change-requests?includeHistorical=true&limit=1')).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (
      await call(team, 'GET', `/api/change-requests?includeHistorical=true&limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it('X-1: another organization never sees, withdraws or reads a request that is not its own', async () => {
    const cr = (await call(requester, 'PATCH', `/api/programs/${t.a.id}`, { website: 'https://a.example.test' })).json()
      .changeRequest;
    expect(idsOf(await call(otherOrg, 'GET', '/api/change-requests?includeHistorical=true'))).not.toContain(cr.id);
    expect((await call(otherOrg, 'GET', `/api/change-requests/${cr.id}`)).statusCode).toBe(404);
    expect((await call(otherOrg, 'POST', `/api/change-requests/${cr.id}/withdraw`)).statusCode).toBe(404);
    expect(idsOf(await call(team, 'GET', '/api/change-requests'))).toContain(cr.id);
  });

  it('NCC-5: the requester withdraws a pending request; a colleague cannot; a decided one cannot be withdrawn', async () => {
    const cr = (await call(requester, 'PATCH', `/api/programs/${t.a.id}`, { hours: '24/7' })).json().changeRequest;
    const colleague = await signIn(app, (await makeUser(database.db, [[t.a, ['ncc_administration']]])).email);
    expect((await call(colleague, 'POST', `/api/change-requests/${cr.id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await call(requester, 'POST', `/api/change-requests/${cr.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await call(requester, 'POST', `/api/change-requests/${cr.id}/withdraw`)).statusCode).toBe(409);
    expect((await call(team, 'POST', `/api/change-requests/${cr.id}/accept`)).statusCode).toBe(409);
  });

  it('NCC-5: accepting a request whose record changed meanwhile is refused with a message (409)', async () => {
    const cr = (
      await call(requester, 'PATCH', `/api/organizations/${t.a.organizationId}`, { fax: '01603 555 000' })
    ).json().changeRequest;
    expect(
      (await call(team, 'PATCH', `/api/organizations/${t.a.organizationId}`, { fax: '01603 555 999' })).statusCode,
    ).toBe(200);
    const res = await call(team, 'POST', `/api/change-requests/${cr.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/organisation changed since this request was made \(fax\)/);
    expect((await call(team, 'GET', `/api/change-requests/${cr.id}`)).json().status).toBe('pending');
  });

  it('NCC-5: contacts — add, edit and end access are requests; accepting creates the user and membership with every Norfolk field', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.test`;
    const contact = {
      title: 'Mrs',
      forename: 'Ada',
      surname: 'Lovelace',
      addressLine1: 'County Hall',
      addressLine2: 'Martineau Lane',
      addressLine3: 'Floor 2',
      town: 'Norwich',
      county: 'Norfolk',
      postcode: 'NR1 2DH',
      mobile: '07700 900123',
      telephone: '01603 222 222',
      email: 'ada.work@example.test',
      portalEmail: email,
      role: 'Finance lead',
    };
    const added = await call(requester, 'POST', `/api/programs/${t.a.id}/contacts`, {
      email,
      name: 'Ada Lovelace',
      roles: ['ncc_payments'],
      contact,
    });
    expect(added.statusCode).toBe(202);
    const create = added.json().changeRequest;
    expect(create).toMatchObject({ kind: 'contact_create', programId: t.a.id, targetId: null, proposed: { contact } });
    expect(await database.db.select().from(users).where(eq(users.email, email))).toEqual([]);

    expect((await call(team, 'POST', `/api/change-requests/${create.id}/accept`)).statusCode).toBe(200);
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    expect(user).toBeDefined();
    const membershipId = await membershipIdOf(database.db, user!.id, t.a.id);
    const listed = (await call(requester, 'GET', `/api/programs/${t.a.id}/contacts`)).json().items;
    expect(listed.find((c: { membershipId: string }) => c.membershipId === membershipId)).toMatchObject({
      roles: ['ncc_payments'],
      contact,
    });
    expect((await lastMailTo(database.db, email)).body).toContain('/set-password?token=');

    const edit = await call(requester, 'PATCH', `/api/memberships/${membershipId}`, { title: 'Finance manager' });
    expect(edit.statusCode).toBe(202);
    expect(edit.json().changeRequest).toMatchObject({ kind: 'contact_update', current: { title: null } });
    expect((await call(team, 'POST', `/api/change-requests/${edit.json().changeRequest.id}/accept`)).statusCode).toBe(
      200,
    );

    const end = await call(requester, 'PATCH', `/api/memberships/${membershipId}`, { endsOn: isoDay(0) });
    expect(end.statusCode).toBe(202);
    const removal = end.json().changeRequest;
    expect(removal).toMatchObject({ kind: 'contact_removal', targetId: membershipId });
    const [stillActive] = await database.db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(stillActive).toMatchObject({ title: 'Finance manager', endsAt: null });
    expect((await call(team, 'POST', `/api/change-requests/${removal.id}/accept`)).statusCode).toBe(200);
    const [ended] = await database.db.select().from(memberships).where(eq(memberships.id, membershipId));
    expect(ended!.endsAt).not.toBeNull();
  });

  it('X-5: accepting is atomic — a contact whose email already has access fails mid-way and nothing changes', async () => {
    const member = await makeUser(database.db, [[t.a, ['ncc_read_only']]]);
    const cr = (
      await call(requester, 'POST', `/api/programs/${t.a.id}/contacts`, {
        email: member.email,
        name: 'Duplicate',
        roles: ['ncc_reports'],
      })
    ).json().changeRequest;
    const auditBefore = (await auditOf(database.db, t.network.id)).length;
    const mailBefore = (await mailsTo(database.db, t.adminA.email)).length;
    const res = await call(team, 'POST', `/api/change-requests/${cr.id}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already has an active membership/);
    expect((await call(team, 'GET', `/api/change-requests/${cr.id}`)).json()).toMatchObject({
      status: 'pending',
      decidedBy: null,
    });
    const rows = await database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, member.id), eq(memberships.programId, t.a.id)));
    expect(rows.map((m) => m.roles)).toEqual([['ncc_read_only']]);
    expect((await auditOf(database.db, t.network.id)).length).toBe(auditBefore);
    expect((await mailsTo(database.db, t.adminA.email)).length).toBe(mailBefore);
  });

  it('NCC-5: the network team edits directly; the explicit endpoint validates the proposal by field', async () => {
    const direct = await call(team, 'PATCH', `/api/programs/${t.a.id}`, { referralStatus: 'closed' });
    expect(direct.statusCode).toBe(200);
    expect(direct.json().referralStatus).toBe('closed');

    const bad = await call(requester, 'POST', '/api/change-requests', {
      kind: 'organization_details',
      targetId: t.a.organizationId,
      proposed: { phone: 'x', colour: 'red' },
    });
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'body.proposed.colour',
      'body.proposed.phone',
    ]);
    const ok = await call(requester, 'POST', '/api/change-requests', {
      kind: 'organization_details',
      targetId: t.a.organizationId,
      proposed: { description: 'Home care across Norfolk' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'organization_details', status: 'pending' });
    const readOnly = await signIn(app, (await makeUser(database.db, [[t.a, ['ncc_read_only']]])).email);
    expect((await call(readOnly, 'PATCH', `/api/programs/${t.a.id}`, { hours: 'x' })).statusCode).toBe(403);
  });
});

describe(`direct edits on ${testDriver} (ND-2)`, () => {
  let app: App;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it.each(['nd-care-coordination', 'mt-referral-network'] as const)(
    'ND-2: in %s an organization administrator’s edits apply at once and no change request is made',
    async (preset) => {
      const t = await makeTenantPair(database.db, preset);
      const cookie = await signIn(app, t.adminA.email);
      const call = (method: Method, url: string, payload?: object) =>
        app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
      const org = await call('PATCH', `/api/organizations/${t.a.organizationId}`, { town: 'Fargo', postcode: '58102' });
      expect(org.statusCode).toBe(200);
      expect(org.json()).toMatchObject({ town: 'Fargo', postcode: '58102' });
      const program = await call('PATCH', `/api/programs/${t.a.id}`, { description: 'Now' });
      expect([program.statusCode, program.json().description]).toEqual([200, 'Now']);
      const contact = await call('POST', `/api/programs/${t.a.id}/contacts`, {
        email: `direct-${randomUUID().slice(0, 8)}@example.test`,
        name: 'Direct Person',
        roles: [preset === 'nd-care-coordination' ? 'nd_care_coordinator' : 'mt_provider'],
        contact: { forename: 'Direct', surname: 'Person', postcode: '58102-1234', mobile: '701-555-0100' },
      });
      expect(contact.statusCode).toBe(201);
      expect(contact.json().contact).toMatchObject({ forename: 'Direct', postcode: '58102-1234' });
      expect((await call('GET', '/api/change-requests?includeHistorical=true')).json().items).toEqual([]);
      const explicit = await call('POST', '/api/change-requests', {
        kind: 'service_details',
        targetId: t.a.id,
        proposed: { description: 'Later' },
      });
      expect(explicit.statusCode).toBe(409);
    },
  );

  it('NCC-5: the Norfolk contact fields are validated in every network, naming the field', async () => {
    const t = await makeTenantPair(database.db, 'nd-care-coordination');
    const cookie = await signIn(app, t.adminA.email);
    const res = await app.inject({
      method: 'POST',
      url: `/api/programs/${t.a.id}/contacts`,
      headers: { cookie },
      payload: {
        email: `bad-${randomUUID().slice(0, 8)}@example.test`,
        name: 'Bad Fields',
        roles: ['nd_care_coordinator'],
        contact: { email: 'not-an-email', mobile: '12', postcode: '!!' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect([...new Set(res.json().errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'body.contact.email',
      'body.contact.mobile',
      'body.contact.postcode',
    ]);
  });
});
