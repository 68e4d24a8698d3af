import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeOrganization, makeTenantPair } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { lastMailTo, linkToken, mailsTo } from '../../test/mail.js';
import { users } from '../identity/identity.table.js';
import { memberships } from '../memberships/memberships.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';

const nineDigits = () => String(Math.floor(100_000_000 + Math.random() * 899_999_999));

describe(`provider self-registration on ${testDriver} (CS-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let admin: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db, 'health-plan');
    admin = await signIn(app, t.networkAdmin.email);
  });
  afterAll(() => app.close());

  const application = (fields: object = {}) => {
    const tax = nineDigits();
    return {
      legalName: `Riverside Clinic ${randomUUID().slice(0, 6)}`,
      taxId: `${tax.slice(0, 2)}-${tax.slice(2)}`,
      providerId: 'MCD0012345',
      zip: '45202-1234',
      programName: 'Riverside Primary Care',
      contactName: 'Rita Rivers',
      contactEmail: `rita-${randomUUID().slice(0, 8)}@example.test`,
      contactPhone: '513-555-0100',
      ...fields,
    };
  };
  const apply = (body: object, slug = t.network.slug) =>
    app.inject({ method: 'POST', url: `/api/networks/${slug}/registrations`, payload: body });
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

  it('CS-1: a provider applies without an account; the answer holds only its own application', async () => {
    const body = application();
    const res = await apply(body);
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['createdAt', 'id', 'legalName', 'status']);
    expect(res.json()).toMatchObject({ status: 'pending', legalName: body.legalName });
    const stored = (await call('GET', `/api/registrations/${res.json().id}`)).json();
    expect(stored).toMatchObject({ taxId: body.taxId.replace('-', ''), zip: '45202-1234', providerId: 'MCD0012345' });
    expect((await lastMailTo(database.db, body.contactEmail)).subject).toMatch(/received your registration/);
    // Until approved there is no user, so no access.
    expect(await database.db.select().from(users).where(eq(users.email, body.contactEmail))).toEqual([]);
    const audit = await auditOf(database.db, t.network.id);
    expect(audit.some((a) => a.action === 'registration.submit' && a.entityId === res.json().id)).toBe(true);
  });

  it('CS-1: tax ID, provider ID and ZIP+4 are validated, each message naming its field', async () => {
    const cases: [object, string][] = [
      [{ taxId: '12345678' }, 'body.taxId'],
      [{ taxId: '12-34567890' }, 'body.taxId'],
      [{ zip: '45202' }, 'body.zip'],
      [{ zip: '4520-21234' }, 'body.zip'],
      [{ providerId: 'has spaces' }, 'body.providerId'],
      [{ providerId: '' }, 'body.providerId'],
      [{ contactEmail: 'nope' }, 'body.contactEmail'],
      [{ legalName: ' ' }, 'body.legalName'],
    ];
    for (const [fields, field] of cases) {
      const res = await apply(application(fields));
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const plain = await apply(application({ taxId: nineDigits(), zip: '452021234' }));
    expect(plain.statusCode).toBe(201);
    expect((await call('GET', `/api/registrations/${plain.json().id}`)).json().zip).toBe('45202-1234');
  });

  it('CS-1: a duplicate tax ID is refused (409) — of an organization or of a pending application — without saying whose', async () => {
    const first = application();
    expect((await apply(first)).statusCode).toBe(201);
    const again = await apply(application({ taxId: first.taxId.replace('-', '') }));
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(first.legalName);

    const tax = nineDigits();
    const org = await makeOrganization(database.db, t.network.id, `Existing ${tax}`);
    await database.db.update(organizations).set({ taxId: tax }).where(eq(organizations.id, org.id));
    const taken = await apply(application({ taxId: tax }));
    expect(taken.statusCode).toBe(409);
    expect(taken.body).not.toContain(org.name);
    // Another network is another register.
    const other = await makeTenantPair(database.db, 'health-plan');
    expect((await apply(application({ taxId: tax }), other.network.slug)).statusCode).toBe(201);
    expect((await apply(application(), 'no-such-network')).statusCode).toBe(404);
  });

  it('CS-1: two simultaneous applications with one tax ID: one is taken, the other refused by the unique index', async () => {
    const tax = nineDigits();
    const results = await Promise.all([apply(application({ taxId: tax })), apply(application({ taxId: tax }))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('CS-1: approving creates the organization, its program and the administrator invitation, in one go', async () => {
    const body = application({ zip: '452021234' });
    const { id } = (await apply(body)).json();
    const listed = (await call('GET', '/api/registrations?status=pending')).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toContain(id);

    const approved = await call('POST', `/api/registrations/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: t.networkAdmin.id });
    const orgId = approved.json().organizationId;
    const [org] = await database.db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(org).toMatchObject({
      name: body.legalName,
      taxId: body.taxId.replace('-', ''),
      providerId: 'MCD0012345',
      postcode: '45202-1234',
    });
    const [program] = await database.db.select().from(programs).where(eq(programs.organizationId, orgId));
    expect(program).toMatchObject({ name: 'Riverside Primary Care', postalCode: '45202-1234' });
    const [user] = await database.db.select().from(users).where(eq(users.email, body.contactEmail));
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership).toMatchObject({ programId: program!.id, roles: ['hp_provider_staff'] });
    const mails = await mailsTo(database.db, body.contactEmail);
    expect(linkToken(mails.find((m) => m.body?.includes('/set-password'))!.body)).toBeTruthy();
    expect(mails.some((m) => /is registered with/.test(m.subject))).toBe(true);

    expect((await call('POST', `/api/registrations/${id}/approve`)).statusCode).toBe(409);
    expect((await call('POST', `/api/registrations/${id}/decline`, { reason: 'late' })).statusCode).toBe(409);
    // The tax ID now belongs to an organization of the network.
    expect((await apply(application({ taxId: body.taxId }))).statusCode).toBe(409);
  });

  it('CS-1: declining needs a reason, which is emailed to the applicant; nothing is created', async () => {
    const body = application();
    const { id } = (await apply(body)).json();
    const noReason = await call('POST', `/api/registrations/${id}/decline`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.reason']);
    const declined = await call('POST', `/api/registrations/${id}/decline`, { reason: 'The provider ID is not ours.' });
    expect(declined.json()).toMatchObject({ status: 'declined', reason: 'The provider ID is not ours.' });
    expect((await lastMailTo(database.db, body.contactEmail)).body).toContain('The provider ID is not ours.');
    expect(await database.db.select().from(users).where(eq(users.email, body.contactEmail))).toEqual([]);
    expect(
      (await call('GET', '/api/registrations?status=declined')).json().items.map((r: { id: string }) => r.id),
    ).toContain(id);
    // A declined application no longer holds the tax ID.
    expect((await apply(application({ taxId: body.taxId }))).statusCode).toBe(201);
  });

  it('CS-1: only a network administrator reviews; an organization administrator is refused (403)', async () => {
    const { id } = (await apply(application())).json();
    const gatekeeper = await signIn(app, t.adminA.email);
    for (const [method, url] of [
      ['GET', '/api/registrations'],
      ['GET', `/api/registrations/${id}`],
      ['POST', `/api/registrations/${id}/approve`],
    ] as const) {
      const res = await app.inject({ method, url, headers: { cookie: gatekeeper } });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it.each([
    ['mt-referral-network', 'mt_gatekeeper'],
    ['nd-care-coordination', 'nd_master_admin'],
    ['council-payments', 'ncc_super_user_actuals'],
  ] as const)('CS-1: in %s the approved contact becomes %s', async (preset, role) => {
    const other = await makeTenantPair(database.db, preset);
    const cookie = await signIn(app, other.networkAdmin.email);
    const body = application();
    const { id } = (await apply(body, other.network.slug)).json();
    const res = await app.inject({ method: 'POST', url: `/api/registrations/${id}/approve`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const [user] = await database.db.select().from(users).where(eq(users.email, body.contactEmail));
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(membership!.roles).toEqual([role]);
  });
});

describe(`registration rate limit on ${testDriver} (CS-1)`, () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ config: { signInRateLimit: 2 } });
  });
  afterAll(() => app.close());

  it('CS-1: applications are rate-limited per address (429)', async () => {
    const post = () => app.inject({ method: 'POST', url: '/api/networks/no-such-network/registrations', payload: {} });
    expect((await post()).statusCode).toBe(400);
    expect((await post()).statusCode).toBe(400);
    expect((await post()).statusCode).toBe(429);
  });
});
