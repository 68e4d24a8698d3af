import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { App } from '../http/types.js';
import { changeRequests } from '../modules/change-requests/change-requests.table.js';
import { directoryImports } from '../modules/directory/directory.table.js';
import { notifications } from '../modules/notifications/notifications.table.js';
import { registrations } from '../modules/registrations/registrations.table.js';
import { DAY } from '../platform/clock/clock.js';
import { acceptUserAgreement, buildTestApp, signIn } from './app.js';
import {
  AUTHORIZER,
  type ConsentRecords,
  makeConsentRecords,
  makeMergeRecords,
  makePdf,
  makeReferralRecords,
  noConsentRecords,
  noReferralRecords,
  type ReferralRecords,
  SENT_CODE,
} from './consent-records.js';
import { testDatabase, testDriver } from './db.js';
import { makeClient, makeOrganization, makeProgram, makeTenantPair, makeUser, type TestProgram } from './factories.js';
import { auditOf, isoDay, membershipIdOf } from './helpers.js';

/** The ids of organization A's records that the table's URLs point at (its client's consents included). */
interface Records extends ConsentRecords, ReferralRecords {
  organizationId: string;
  programId: string;
  membershipId: string;
  notificationId: string;
  userId: string;
  /** One of the session owner's sessions (a hash prefix). */
  sessionId: string;
  /** NCC-5 change requests of A (read and withdrawn by its requester; accepted; rejected). */
  changeRequestId: string;
  changeRequestToAccept: string;
  changeRequestToReject: string;
  /** CS-1 applications to A's network (read and declined; approved). */
  registrationId: string;
  registrationToApprove: string;
  /** An HSDS import of A's network (its administrators' only). */
  importId: string;
  /** A client created by A's program (X-1: nobody else sees it without a consent). */
  clientId: string;
  /** MT-7: a duplicate of it the network administrator merges in, and an earlier merge to undo. */
  duplicateClientId: string;
  mergeId: string;
}

/**
 * Who legitimately reaches the record (the control that proves the URL is right). `receiver` is the
 * gatekeeper of the program of A that A's referrals go to.
 */
type Owner = 'adminA' | 'recipient' | 'networkAdmin' | 'sessionOwner' | 'receiver';

interface Row {
  route: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (r: Records) => string;
  payload?: object;
  /** A body that names other records of A (e.g. the duplicate to merge). */
  payloadOf?: (r: Records) => object;
  /** The body is a PDF file (Content-Type: application/pdf), not JSON. */
  rawPdf?: true;
  owner?: Owner;
  /**
   * What an actor of organization B gets, when not 404: a network-administrator-only route refuses
   * everyone else before it looks at the id, the same for every id (checked below), so it tells nothing.
   */
  orgActorStatus?: number;
  /**
   * The record is network-wide by design (the directory, MT-9: any program of the network may be
   * referred to), so an actor of organization B reads it; another network still gets 404.
   */
  networkWide?: true;
}

/**
 * EVERY route that takes an id. A new route joins the table by adding one line here;
 * each line is checked for an actor of another organization, a network administrator of
 * another network, an id that does not exist, and the rightful owner.
 */
const ROUTES: Row[] = [
  { route: 'GET /api/clients/:id', method: 'GET', url: (r) => `/api/clients/${r.clientId}` },
  {
    // MT-7: any program may ask whether a person known to another program matches; the answer is yes/no only.
    route: 'POST /api/clients/:id/confirm',
    method: 'POST',
    url: (r) => `/api/clients/${r.clientId}/confirm`,
    payload: { phone: '406-555-0000' },
    networkWide: true,
  },
  {
    route: 'POST /api/clients/:id/merge',
    method: 'POST',
    url: (r) => `/api/clients/${r.clientId}/merge`,
    payloadOf: (r) => ({ mergedId: r.duplicateClientId }),
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'POST /api/client-merges/:id/undo',
    method: 'POST',
    url: (r) => `/api/client-merges/${r.mergeId}/undo`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'PATCH /api/clients/:id',
    method: 'PATCH',
    url: (r) => `/api/clients/${r.clientId}`,
    payload: { city: 'Changed' },
  },
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
    route: 'GET /api/directory/programs/:id',
    method: 'GET',
    url: (r) => `/api/directory/programs/${r.programId}`,
    networkWide: true,
  },
  {
    route: 'GET /api/agency-agreement/programs/:programId/signatures',
    method: 'GET',
    url: (r) => `/api/agency-agreement/programs/${r.programId}/signatures`,
  },
  { route: 'GET /api/change-requests/:id', method: 'GET', url: (r) => `/api/change-requests/${r.changeRequestId}` },
  {
    route: 'POST /api/change-requests/:id/accept',
    method: 'POST',
    url: (r) => `/api/change-requests/${r.changeRequestToAccept}/accept`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'POST /api/change-requests/:id/reject',
    method: 'POST',
    url: (r) => `/api/change-requests/${r.changeRequestToReject}/reject`,
    payload: { reason: 'Isolation probe' },
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'POST /api/change-requests/:id/withdraw',
    method: 'POST',
    url: (r) => `/api/change-requests/${r.changeRequestId}/withdraw`,
  },
  {
    route: 'GET /api/registrations/:id',
    method: 'GET',
    url: (r) => `/api/registrations/${r.registrationId}`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'POST /api/registrations/:id/approve',
    method: 'POST',
    url: (r) => `/api/registrations/${r.registrationToApprove}/approve`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'POST /api/registrations/:id/decline',
    method: 'POST',
    url: (r) => `/api/registrations/${r.registrationId}/decline`,
    payload: { reason: 'Isolation probe' },
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'GET /api/directory/imports/:id',
    method: 'GET',
    url: (r) => `/api/directory/imports/${r.importId}`,
    owner: 'networkAdmin',
    orgActorStatus: 403,
  },
  {
    route: 'DELETE /api/sessions/:id',
    method: 'DELETE',
    url: (r) => `/api/sessions/${r.sessionId}`,
    owner: 'sessionOwner',
  },
  // MT-9/MT-10 consents: each mutating row acts on its own consent, in the state the action needs.
  { route: 'GET /api/clients/:clientId/consents', method: 'GET', url: (r) => `/api/clients/${r.clientId}/consents` },
  { route: 'GET /api/consents/:id', method: 'GET', url: (r) => `/api/consents/${r.consentId}` },
  { route: 'GET /api/consents/:id/form.pdf', method: 'GET', url: (r) => `/api/consents/${r.consentId}/form.pdf` },
  {
    route: 'POST /api/consents/:id/esign',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToESign}/esign`,
    payload: { signerName: AUTHORIZER, confirm: true },
  },
  {
    route: 'POST /api/consents/:id/paper',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToSignOnPaper}/paper`,
    payload: { signerName: AUTHORIZER, signedOn: isoDay() },
  },
  {
    route: 'POST /api/consents/:id/revoke',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToRevoke}/revoke`,
    payload: { reason: 'Isolation probe' },
  },
  {
    route: 'POST /api/consents/:id/sms',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToText}/sms`,
    payload: { phone: '406-555-0123' },
  },
  {
    route: 'POST /api/consents/:id/sms/resend',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToResend}/sms/resend`,
  },
  {
    route: 'POST /api/consents/:id/sms/verify',
    method: 'POST',
    url: (r) => `/api/consents/${r.consentToVerify}/sms/verify`,
    payload: { code: SENT_CODE },
  },
  {
    route: 'PUT /api/consents/:id/document',
    method: 'PUT',
    url: (r) => `/api/consents/${r.consentAwaitingUpload}/document`,
    rawPdf: true,
  },
  {
    route: 'GET /api/consents/:id/document',
    method: 'GET',
    url: (r) => `/api/consents/${r.consentWithDocument}/document`,
  },
  {
    route: 'DELETE /api/consents/:id/document',
    method: 'DELETE',
    url: (r) => `/api/consents/${r.consentDocumentToDelete}/document`,
  },
  // MT-11..MT-14 referrals between two programs of A: each step acts on its own referral, in the state it needs.
  { route: 'GET /api/clients/:id/referrals', method: 'GET', url: (r) => `/api/clients/${r.clientId}/referrals` },
  { route: 'GET /api/referrals/:id', method: 'GET', url: (r) => `/api/referrals/${r.referralId}` },
  {
    route: 'PATCH /api/referrals/:id',
    method: 'PATCH',
    url: (r) => `/api/referrals/${r.referralToEdit}`,
    payload: { reason: 'Isolation probe' },
  },
  {
    route: 'POST /api/referrals/:id/send',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralToSend}/send`,
    payload: { insuranceConfirmed: true },
  },
  {
    route: 'POST /api/referrals/:id/assign',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralToAssign}/assign`,
    payloadOf: (r) => ({ userId: r.assigneeId }),
    owner: 'receiver',
  },
  {
    route: 'POST /api/referrals/:id/refuse',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralToRefuse}/refuse`,
    payload: { reason: 'no_capacity' },
    owner: 'receiver',
  },
  {
    route: 'POST /api/referrals/:id/reassign',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralToReassign}/reassign`,
    payloadOf: (r) => ({ userId: r.reassigneeId, note: 'Isolation probe' }),
    owner: 'receiver',
  },
  {
    route: 'POST /api/referrals/:id/status',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralForStatus}/status`,
    payload: { status: 'enrolled' },
    owner: 'receiver',
  },
  {
    route: 'POST /api/referrals/:id/notes',
    method: 'POST',
    url: (r) => `/api/referrals/${r.referralForNotes}/notes`,
    payload: { happenedOn: isoDay(-1), text: 'Isolation probe' },
  },
];

/** Public routes whose parameter names a network, not a record of an organization: nothing of A to isolate. */
const PUBLIC_BY_NETWORK = [
  'POST /api/networks/:slug/registrations',
  // The public HSDS feed of a network (its own tests: another network's id is 404 there).
  ...['services', 'organizations', 'taxonomies', 'taxonomy_terms', 'service_at_locations'].flatMap((p) => [
    `GET /api/hsds/:network/${p}`,
    `GET /api/hsds/:network/${p}/:id`,
  ]),
  'GET /api/hsds/:network/',
];

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
    expect(withId.filter((r) => !PUBLIC_BY_NETWORK.includes(r)).sort()).toEqual(ROUTES.map((r) => r.route).sort());
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
