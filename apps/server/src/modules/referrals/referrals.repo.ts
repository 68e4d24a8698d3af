import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { clients } from '../clients/clients.table.js';
import { consentPrograms, consents } from '../consents/consents.table.js';
import { users } from '../identity/identity.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { referralEvents, referralNotes, referrals } from './referrals.table.js';

export type ReferralRow = typeof referrals.$inferSelect;

const fromProgram = alias(programs, 'from_program');
const toProgram = alias(programs, 'to_program');
const fromOrg = alias(organizations, 'from_org');
const toOrg = alias(organizations, 'to_org');
const creator = alias(users, 'creator');
const assignee = alias(users, 'assignee');

/** A referral with the names the lists and the detail show. */
export function selectReferrals(tx: Tx) {
  return tx
    .select({
      referral: referrals,
      client: { id: clients.id, firstName: clients.firstName, lastName: clients.lastName },
      fromProgram: { id: fromProgram.id, name: fromProgram.name, organizationName: fromOrg.name },
      toProgram: { id: toProgram.id, name: toProgram.name, organizationName: toOrg.name },
      createdBy: { id: creator.id, name: creator.name },
      assigneeId: assignee.id,
      assigneeName: assignee.name,
    })
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(fromProgram, eq(fromProgram.id, referrals.fromProgramId))
    .innerJoin(fromOrg, eq(fromOrg.id, fromProgram.organizationId))
    .innerJoin(toProgram, eq(toProgram.id, referrals.toProgramId))
    .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
    .innerJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(assignee, eq(assignee.id, referrals.assignedTo));
}
export type ReferralRecord = Awaited<ReturnType<ReturnType<typeof selectReferrals>['where']>>[number];

export async function findReferral(tx: Tx, networkId: string, id: string): Promise<ReferralRecord | undefined> {
  const [row] = await selectReferrals(tx).where(and(eq(referrals.id, id), eq(referrals.networkId, networkId)));
  return row;
}

export async function lockReferral(tx: Tx, networkId: string, id: string): Promise<ReferralRow | undefined> {
  const [row] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.networkId, networkId)))
    .for('update');
  return row;
}

export function listReferrals(tx: Tx, where: (SQL | undefined)[], sortCol: SQL, limit: number) {
  return selectReferrals(tx)
    .where(and(...where))
    .orderBy(desc(sortCol), desc(referrals.id))
    .limit(limit + 1);
}

/** MT-9/MT-11: the client's signed, unexpired consent naming both programs (the longest-lasting one). */
export async function validConsentFor(tx: Tx, clientId: string, fromProgramId: string, toProgramId: string, now: Date) {
  const named = (programId: string) =>
    sql`EXISTS (SELECT 1 FROM consent_programs kp WHERE kp.consent_id = ${consents.id} AND kp.program_id = ${programId})`;
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.clientId, clientId),
        eq(consents.status, 'signed'),
        gt(consents.expiresAt, now),
        named(fromProgramId),
        named(toProgramId),
      ),
    )
    .orderBy(desc(consents.expiresAt))
    .limit(1);
  return row;
}

/** Is this consent still signed, unexpired and naming the program? (re-checked at send, MT-11) */
export async function consentStillNames(tx: Tx, consentId: string, programId: string, now: Date) {
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .innerJoin(consentPrograms, eq(consentPrograms.consentId, consents.id))
    .where(
      and(
        eq(consents.id, consentId),
        eq(consents.status, 'signed'),
        gt(consents.expiresAt, now),
        eq(consentPrograms.programId, programId),
      ),
    );
  return Boolean(row);
}

export async function addEvent(
  tx: Tx,
  e: {
    networkId: string;
    referralId: string;
    kind: string;
    actorId: string | null;
    programId: string | null;
    data?: object;
    at: Date;
  },
) {
  await tx.insert(referralEvents).values({ ...e, data: (e.data ?? {}) as Record<string, unknown> });
}

export function timelineOf(tx: Tx, referralId: string) {
  return tx
    .select({
      id: referralEvents.id,
      kind: referralEvents.kind,
      actorId: users.id,
      actorName: users.name,
      data: referralEvents.data,
      at: referralEvents.at,
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

/** Notes row-level security lets the actor read: its organization's, and the other program's shared ones. */
export function notesOf(tx: Tx, referralId: string) {
  return tx
    .select({ note: referralNotes, authorName: users.name })
    .from(referralNotes)
    .innerJoin(users, eq(users.id, referralNotes.authorId))
    .where(eq(referralNotes.referralId, referralId))
    .orderBy(desc(referralNotes.happenedOn), desc(referralNotes.createdAt));
}

export const byId = (id: string) => eq(referrals.id, id);

/** The client's draft or active referral to the program (MT-11: there is at most one). */
export async function openReferralOf(tx: Tx, clientId: string, toProgramId: string) {
  const [row] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.clientId, clientId),
        eq(referrals.toProgramId, toProgramId),
        inArray(referrals.state, ['draft', 'sent', 'assigned']),
      ),
    );
  return row;
}

export async function programOrganization(tx: Tx, networkId: string, programId: string) {
  const [row] = await tx
    .select({ organizationId: programs.organizationId })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.networkId, networkId)));
  return row?.organizationId;
}

export async function clientCounty(tx: Tx, clientId: string): Promise<string | null> {
  const [row] = await tx.select({ county: clients.county }).from(clients).where(eq(clients.id, clientId));
  return row?.county ?? null;
}
