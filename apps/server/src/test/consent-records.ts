import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { Db } from '../db/client.js';
import { clientMerges, clients } from '../modules/clients/clients.table.js';
import { expiresAtOf, hashCode } from '../modules/consents/consents.rules.js';
import {
  consentDocuments,
  consentPrograms,
  consentSmsChallenges,
  consents,
} from '../modules/consents/consents.table.js';
import { referrals } from '../modules/referrals/referrals.table.js';
import { DAY, HOUR } from '../platform/clock/clock.js';
import { makeClient, type TestProgram } from './factories.js';

/** The code every texted challenge below was sent (verify posts it). */
export const SENT_CODE = '123456';
/** The guardian who authorizes every consent below (signs them; must never reach another organization). */
export const AUTHORIZER = 'Solveig Guardianson';

/** one consent of A's program per id-taking consent route, each in the state its action needs. */
export interface ConsentRecords {
  /** Signed by e-signature: read, listed and printed. */
  consentId: string;
  /** Pending: e-signed, signed on paper, texted, revoked by the owner test. */
  consentToESign: string;
  consentToSignOnPaper: string;
  consentToText: string;
  consentToRevoke: string;
  /** Pending with a code texted (state code_sent): re-sent; verified with SENT_CODE. */
  consentToResend: string;
  consentToVerify: string;
  /** Signed on paper, its scan not yet uploaded. */
  consentAwaitingUpload: string;
  /** Signed on paper with the scan uploaded: read; deleted. */
  consentWithDocument: string;
  consentDocumentToDelete: string;
}

export const CONSENT_RECORD_KEYS = [
  'consentId',
  'consentToESign',
  'consentToSignOnPaper',
  'consentToText',
  'consentToRevoke',
  'consentToResend',
  'consentToVerify',
  'consentAwaitingUpload',
  'consentWithDocument',
  'consentDocumentToDelete',
] as const satisfies readonly (keyof ConsentRecords)[];

/** Ids that name no consent (the "does not exist" side of the table). */
export const noConsentRecords = (): ConsentRecords =>
  Object.fromEntries(CONSENT_RECORD_KEYS.map((k) => [k, randomUUID()])) as unknown as ConsentRecords;

/** A one-page PDF, as a scanner would upload it. */
export async function makePdf(text = 'Signed release of information'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 14 });
  return Buffer.from(await doc.save());
}

type Status = 'pending' | 'awaiting_upload' | 'signed';

/**
 * The consents of one client of `program`, written directly (as the table owner) in their states;
 * the program is the only one named, so nobody else reads them.
 */
export async function makeConsentRecords(
  db: Db,
  program: TestProgram,
  clientId: string,
  createdBy: string,
  pdf: Buffer,
): Promise<ConsentRecords> {
  const signedAt = new Date(Date.now() - 2 * DAY);
  const consent = async (status: Status, method: 'esign' | 'paper' | null = null) => {
    const signed = status !== 'pending';
    const [row] = await db
      .insert(consents)
      .values({
        networkId: program.networkId,
        organizationId: program.organizationId,
        clientId,
        createdByProgramId: program.id,
        createdBy,
        status,
        infoTypes: ['demographics', 'needs'],
        authorizerKind: 'guardian',
        authorizerName: AUTHORIZER,
        authorizerRelationship: 'Parent',
        method,
        signerName: signed ? AUTHORIZER : null,
        signedAt: signed ? signedAt : null,
        expiresAt: signed ? expiresAtOf(signedAt) : null,
      })
      .returning({ id: consents.id });
    await db.insert(consentPrograms).values({
      consentId: row!.id,
      programId: program.id,
      organizationId: program.organizationId,
      networkId: program.networkId,
    });
    return row!.id;
  };
  const tenant = { networkId: program.networkId, organizationId: program.organizationId };
  const texted = async () => {
    const id = await consent('pending');
    await db.insert(consentSmsChallenges).values({
      consentId: id,
      ...tenant,
      phone: '+14065550123',
      state: 'code_sent',
      codeHash: hashCode(id, SENT_CODE),
      codeExpiresAt: new Date(Date.now() + 6 * HOUR),
      codesSent: 1,
    });
    return id;
  };
  const uploaded = async () => {
    const id = await consent('signed', 'paper');
    await db.insert(consentDocuments).values({
      consentId: id,
      ...tenant,
      fileName: 'signed-consent.pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
      uploadedBy: createdBy,
    });
    return id;
  };
  return {
    consentId: await consent('signed', 'esign'),
    consentToESign: await consent('pending'),
    consentToSignOnPaper: await consent('pending'),
    consentToText: await consent('pending'),
    consentToRevoke: await consent('pending'),
    consentToResend: await texted(),
    consentToVerify: await texted(),
    consentAwaitingUpload: await consent('awaiting_upload', 'paper'),
    consentWithDocument: await uploaded(),
    consentDocumentToDelete: await uploaded(),
  };
}

/** MT-7: a live duplicate of A's program to merge in, and a merge already made (to undo). */
export async function makeMergeRecords(db: Db, program: TestProgram, adminUserId: string) {
  const duplicate = await makeClient(db, program, { firstName: 'Secret', lastName: 'Duplicate' });
  const survivor = await makeClient(db, program, { firstName: 'Secret', lastName: 'Survivor' });
  const merged = await makeClient(db, program, { firstName: 'Secret', lastName: 'Merged' });
  await db.update(clients).set({ mergedIntoId: survivor.id, mergedAt: new Date() }).where(eq(clients.id, merged.id));
  const [merge] = await db
    .insert(clientMerges)
    .values({
      networkId: program.networkId,
      survivorId: survivor.id,
      mergedId: merged.id,
      moved: { consents: [] },
      mergedBy: adminUserId,
    })
    .returning({ id: clientMerges.id });
  return { duplicateClientId: duplicate.id, mergeId: merge!.id };
}

/** one referral of A's program per id-taking referral route, each in the state its step needs. */
export interface ReferralRecords {
  /** Sent, of the client the table reads (GET, and the client's referrals). */
  referralId: string;
  /** Drafts: edited; sent (its receiving program holds a valid agency agreement). */
  referralToEdit: string;
  referralToSend: string;
  /** Sent: assigned to `assigneeId`; refused. */
  referralToAssign: string;
  referralToRefuse: string;
  /** Assigned to `assigneeId`: reassigned to `reassigneeId`; given a status; noted by the sender. */
  referralToReassign: string;
  referralForStatus: string;
  referralForNotes: string;
  /** Providers of the receiving program. */
  assigneeId: string;
  reassigneeId: string;
}

export const REFERRAL_RECORD_KEYS = [
  'referralId',
  'referralToEdit',
  'referralToSend',
  'referralToAssign',
  'referralToRefuse',
  'referralToReassign',
  'referralForStatus',
  'referralForNotes',
  'assigneeId',
  'reassigneeId',
] as const satisfies readonly (keyof ReferralRecords)[];

export const noReferralRecords = (): ReferralRecords =>
  Object.fromEntries(REFERRAL_RECORD_KEYS.map((k) => [k, randomUUID()])) as unknown as ReferralRecords;

type ReferralState = 'draft' | 'sent' | 'assigned';

/**
 * Referrals from `sender` to `receiver` (both of the same organization, so no other one sees them),
 * written directly in their states. A client has one open referral per program (MT-11), so each
 * referral but the first is of its own client, named `${lastName} n`; each has a signed consent
 * naming both programs.
 */
export async function makeReferralRecords(
  db: Db,
  sender: TestProgram,
  receiver: TestProgram,
  clientId: string,
  lastName: string,
  people: { createdBy: string; assigneeId: string; reassigneeId: string },
): Promise<ReferralRecords> {
  const signedAt = new Date(Date.now() - 2 * DAY);
  const sentAt = new Date(Date.now() - DAY);
  let n = 0;
  const referral = async (state: ReferralState, client = clientId) => {
    const [consent] = await db
      .insert(consents)
      .values({
        networkId: sender.networkId,
        organizationId: sender.organizationId,
        clientId: client,
        createdByProgramId: sender.id,
        createdBy: people.createdBy,
        status: 'signed',
        infoTypes: ['demographics', 'needs'],
        authorizerKind: 'guardian',
        authorizerName: AUTHORIZER,
        authorizerRelationship: 'Parent',
        method: 'esign',
        signerName: AUTHORIZER,
        signedAt,
        expiresAt: expiresAtOf(signedAt),
      })
      .returning({ id: consents.id });
    await db.insert(consentPrograms).values(
      [sender, receiver].map((p) => ({
        consentId: consent!.id,
        programId: p.id,
        organizationId: p.organizationId,
        networkId: p.networkId,
      })),
    );
    const assigned = state === 'assigned';
    const [row] = await db
      .insert(referrals)
      .values({
        networkId: sender.networkId,
        organizationId: sender.organizationId,
        clientId: client,
        consentId: consent!.id,
        fromProgramId: sender.id,
        toProgramId: receiver.id,
        toOrganizationId: receiver.organizationId,
        createdBy: people.createdBy,
        state,
        reason: 'Needs housing support',
        insuranceConfirmed: state !== 'draft',
        sentAt: state === 'draft' ? null : sentAt,
        assignedTo: assigned ? people.assigneeId : null,
        assignedAt: assigned ? sentAt : null,
        acknowledgedAt: assigned ? sentAt : null,
      })
      .returning({ id: referrals.id });
    return row!.id;
  };
  const ownClient = async () =>
    (await makeClient(db, sender, { firstName: 'Secret', lastName: `${lastName} ${++n}` })).id;
  return {
    referralId: await referral('sent'),
    referralToEdit: await referral('draft', await ownClient()),
    referralToSend: await referral('draft', await ownClient()),
    referralToAssign: await referral('sent', await ownClient()),
    referralToRefuse: await referral('sent', await ownClient()),
    referralToReassign: await referral('assigned', await ownClient()),
    referralForStatus: await referral('assigned', await ownClient()),
    referralForNotes: await referral('assigned', await ownClient()),
    assigneeId: people.assigneeId,
    reassigneeId: people.reassigneeId,
  };
}
