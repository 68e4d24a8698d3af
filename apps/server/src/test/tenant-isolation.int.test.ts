import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { App } from '../http/types.js';
import { changeRequests } from '../modules/change-requests/change-requests.table.js';
import { directoryImports } from '../modules/directory/directory.table.js';
import { intakeForms } from '../modules/intake-forms/intake-forms.table.js';
import { notifications } from '../modules/notifications/notifications.table.js';
import { registrations } from '../modules/registrations/registrations.table.js';
import { DAY } from '../platform/clock/clock.js';
import { acceptUserAgreement, buildTestApp, signIn } from './app.js';
import {
  AUTHORIZER,
  makeConsentRecords,
  makeMergeRecords,
  makePdf,
  makeReferralRecords,
  noConsentRecords,
  noReferralRecords,
} from './consent-records.js';
import { testDatabase, testDriver } from './db.js';
import { makeClient, makeOrganization, makeProgram, makeTenantPair, makeUser, type TestProgram } from './factories.js';
import { auditOf, membershipIdOf } from './helpers.js';

import {
  NOT_A_RECORD,
  type Owner,
  PUBLIC_BY_NETWORK,
  type Records,
  ROUTES,
  type Row,
} from './tenant-isolation.routes.js';

/** Three pending NCC-5 requests of the program's organization, asked by its administrator. */
async function makeChangeRequests(db: Database['db'], p: TestProgram, requestedBy: string) {
  const row = { networkId: p.networkId, organizationId: p.organizationId, programId: p.id, requestedBy };
  const ids = await db
    .insert(changeRequests)
    .values(
      ['description', 'hours', 'eligibility'].map((field) => ({
        ...row,
        kind: 'service_details' as const,
        targetId: p.id,
        proposed: { [field]: 'Isolation probe' },
        current: { [field]: null },
      })),
    )
    .returning({ id: changeRequests.id });
  return { changeRequestId: ids[0]!.id, changeRequestToAccept: ids[1]!.id, changeRequestToReject: ids[2]!.id };
}

/** Two pending CS-1 applications to the network. */
async function makeRegistrations(db: Database['db'], networkId: string) {
  const ids = await db
    .insert(registrations)
    .values(
      [0, 1].map(() => ({
        networkId,
        legalName: `Applicant ${randomUUID().slice(0, 8)}`,
        taxId: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
        providerId: 'P1',
        zip: '59601-1234',
        programName: 'Applicant program',
        contactName: 'Applicant Contact',
        contactEmail: `applicant-${randomUUID().slice(0, 8)}@example.test`,
      })),
    )
    .returning({ id: registrations.id });
  return { registrationId: ids[0]!.id, registrationToApprove: ids[1]!.id };
}

describe(`tenant isolation of every id-taking route on ${testDriver} (X-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let records: Records;
  let secrets: string[];
  let pdf: Buffer;
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
    const client = await makeClient(database.db, program, {
      firstName: 'Secret',
      lastName: `Client ${tag}`,
      noFixedAddress: true,
      city: 'Helena',
      county: 'Lewis and Clark',
      postalCode: '59601',
    });
    // The receiving side of A's referrals: another program of A (MT-4: with a valid agency agreement).
    const receiver = await makeProgram(database.db, org, {
      name: `Secret Receiver ${tag}`,
      agreementValidUntil: new Date(Date.now() + 300 * DAY),
    });
    const receiverGatekeeper = await makeUser(database.db, [[receiver, ['mt_gatekeeper']]]);
    const [assignee, reassignee] = [
      await makeUser(database.db, [[receiver, ['mt_provider']]]),
      await makeUser(database.db, [[receiver, ['mt_provider']]]),
    ];
    pdf = await makePdf();
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
      clientId: client.id,
      ...(await makeMergeRecords(database.db, program, owner.id)),
      ...(await makeConsentRecords(database.db, program, client.id, owner.id, pdf)),
      ...(await makeReferralRecords(database.db, program, receiver, client.id, `Client ${tag}`, {
        createdBy: owner.id,
        assigneeId: assignee!.id,
        reassigneeId: reassignee!.id,
      })),
      ...(await makeChangeRequests(database.db, program, owner.id)),
      ...(await makeRegistrations(database.db, t.network.id)),
      intakeFormId: (
        await database.db
          .insert(intakeForms)
          .values({
            networkId: t.network.id,
            organizationId: org.id,
            programId: program.id,
            version: 1,
            fields: [{ key: 'secret', label: 'Secret question', type: 'text', required: false }],
            createdBy: owner.id,
          })
          .returning({ id: intakeForms.id })
      )[0]!.id,
      importId: (
        await database.db
          .insert(directoryImports)
          .values({ networkId: t.network.id, fileName: `secret-${tag}.json` })
          .returning({ id: directoryImports.id })
      )[0]!.id,
    };
    secrets = [
      org.name,
      program.name,
      receiver.name,
      `Client ${tag}`,
      contact.name,
      contact.email,
      `Secret notice ${tag}`,
      AUTHORIZER,
    ];

    const orgB = await makeUser(database.db, [[t.b, ['mt_gatekeeper', 'mt_provider']]]);
    const other = await makeTenantPair(database.db);
    cookies.orgB = await signIn(app, orgB.email);
    cookies.otherNetworkAdmin = await signIn(app, other.networkAdmin.email);
    cookies.adminA = await signIn(app, owner.email);
    cookies.recipient = await signIn(app, contact.email);
    cookies.networkAdmin = await signIn(app, t.networkAdmin.email);
    cookies.receiver = await signIn(app, receiverGatekeeper.email);
    // MT-3: client routes open only after the user agreement, so the refusals below are about the record.
    await acceptUserAgreement(app, cookies.orgB, orgB.name);
    await acceptUserAgreement(app, cookies.otherNetworkAdmin, other.networkAdmin.name);
    await acceptUserAgreement(app, cookies.adminA, owner.name);
    await acceptUserAgreement(app, cookies.networkAdmin, t.networkAdmin.name);
    await acceptUserAgreement(app, cookies.receiver, receiverGatekeeper.name);
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
      headers: { cookie, ...(row.rawPdf ? { 'content-type': 'application/pdf' } : {}) },
      ...(row.rawPdf
        ? { payload: pdf }
        : row.payloadOf
          ? { payload: row.payloadOf(r) }
          : row.payload
            ? { payload: row.payload }
            : {}),
    });
  const noRecord: () => Records = () => ({
    organizationId: randomUUID(),
    programId: randomUUID(),
    membershipId: randomUUID(),
    notificationId: randomUUID(),
    userId: randomUUID(),
    sessionId: randomUUID().replace(/-/g, '').slice(0, 16),
    changeRequestId: randomUUID(),
    changeRequestToAccept: randomUUID(),
    changeRequestToReject: randomUUID(),
    registrationId: randomUUID(),
    registrationToApprove: randomUUID(),
    importId: randomUUID(),
    clientId: randomUUID(),
    duplicateClientId: randomUUID(),
    mergeId: randomUUID(),
    intakeFormId: randomUUID(),
    ...noConsentRecords(),
    ...noReferralRecords(),
  });
  const expectNothingOfA = (body: string) => {
    for (const s of secrets) expect(body).not.toContain(s);
  };

  it('X-1: the table lists every route of the API that takes an id', () => {
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const withId = Object.entries(spec.paths)
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(withId.filter((r) => !PUBLIC_BY_NETWORK.includes(r) && !NOT_A_RECORD.includes(r)).sort()).toEqual(
      ROUTES.map((r) => r.route).sort(),
    );
  });

  const orgScoped = ROUTES.filter((r) => !r.networkWide);
  it.each(orgScoped)(
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

  it.each(ROUTES.filter((r) => r.networkWide))(
    'X-1: $route — an actor of organization B of the same network reads it (network-wide by design)',
    async (row) => {
      expect((await send(row, cookies.orgB)).statusCode).toBe(200);
      expect((await send(row, cookies.orgB, noRecord())).statusCode).toBe(404);
    },
  );

  it.each(orgScoped)('X-1: $route — A’s id answers exactly like an id that does not exist', async (row) => {
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
