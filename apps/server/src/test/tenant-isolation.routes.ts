import { randomUUID } from 'node:crypto';
import { AUTHORIZER, type ConsentRecords, type ReferralRecords, SENT_CODE } from './consent-records.js';
import { isoDay } from './helpers.js';

/** the table of every id-taking route, checked by tenant-isolation.int.test.ts. */

/** The ids of organization A's records that the table's URLs point at (its client's consents included). */
export interface Records extends ConsentRecords, ReferralRecords {
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
  /** MT-11: a saved intake form version of A's program. */
  intakeFormId: string;
}

/**
 * Who legitimately reaches the record (the control that proves the URL is right). `receiver` is the
 * gatekeeper of the program of A that A's referrals go to.
 */
export type Owner = 'adminA' | 'recipient' | 'networkAdmin' | 'sessionOwner' | 'receiver';

export interface Row {
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
export const ROUTES: Row[] = [
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
    route: 'GET /api/programs/:programId/intake-form',
    method: 'GET',
    url: (r) => `/api/programs/${r.programId}/intake-form`,
    networkWide: true,
  },
  {
    route: 'GET /api/programs/:programId/intake-form/versions',
    method: 'GET',
    url: (r) => `/api/programs/${r.programId}/intake-form/versions`,
    networkWide: true,
  },
  {
    route: 'PUT /api/programs/:programId/intake-form',
    method: 'PUT',
    url: (r) => `/api/programs/${r.programId}/intake-form`,
    payload: { fields: [{ key: 'probe', label: 'Probe', type: 'text', required: false }] },
  },
  {
    route: 'GET /api/intake-forms/:id',
    method: 'GET',
    url: (r) => `/api/intake-forms/${r.intakeFormId}`,
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
export const PUBLIC_BY_NETWORK = [
  'POST /api/networks/:slug/registrations',
  // The public HSDS feed of a network (its own tests: another network's id is 404 there).
  ...['services', 'organizations', 'taxonomies', 'taxonomy_terms', 'service_at_locations'].flatMap((p) => [
    `GET /api/hsds/:network/${p}`,
    `GET /api/hsds/:network/${p}/:id`,
  ]),
  'GET /api/hsds/:network/',
];

/** Routes whose parameter is a choice, not a record (the MT-15 report kind): the actor's own data only. */
export const NOT_A_RECORD = ['GET /api/reports/referrals/:kind'];
