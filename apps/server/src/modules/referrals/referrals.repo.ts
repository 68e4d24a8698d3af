import { and, desc, eq, gt, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { preparedRows, Statements } from '../../db/statements.js';
import { prepared } from '../../db/tx.js';
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

const newestFirst = (sortCol: SQL) => [desc(sortCol), desc(referrals.id)];

/** A page of referral ids, chosen on referrals alone (see listReferrals). */
type ReferralPage = ReturnType<typeof pageOf>;
const pageOf = (tx: Tx, where: (SQL | undefined)[], sortCol: SQL, rows: number | Placeholder) =>
  tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(...where))
    .orderBy(...newestFirst(sortCol))
    .limit(rows)
    .as('page');

/** What a list row reads of a referral (ReferralSummary): the intake answers and the rest are its detail's. */
const summaryColumns = {
  id: referrals.id,
  state: referrals.state,
  sentAt: referrals.sentAt,
  acknowledgedAt: referrals.acknowledgedAt,
  refusalReason: referrals.refusalReason,
  serviceStatus: referrals.serviceStatus,
  closedAt: referrals.closedAt,
  lastActivityAt: referrals.lastActivityAt,
  createdAt: referrals.createdAt,
};

/** The names every referral row shows besides its programs': its client, who created it, who has it now. */
const peopleColumns = {
  client: { id: clients.id, firstName: clients.firstName, lastName: clients.lastName },
  createdBy: { id: creator.id, name: creator.name },
  assigneeId: assignee.id,
  assigneeName: assignee.name,
};

/**
 * The whole referral with the names the detail and the client's tiles show; with `page`, only the referrals
 * of that page. The page is joined first: PostgreSQL keeps the written order of more than eight joined tables
 * (join_collapse_limit), and the page must lead so that only its rows are joined to their names.
 */
export function selectReferrals(tx: Tx, page?: ReferralPage) {
  const from = tx
    .select({
      referral: referrals,
      ...peopleColumns,
      fromProgram: { id: fromProgram.id, name: fromProgram.name, organizationName: fromOrg.name },
      toProgram: { id: toProgram.id, name: toProgram.name, organizationName: toOrg.name },
    })
    .from(referrals)
    .$dynamic();
  // The page adds no selected column, so the rows keep their shape either way.
  return (page ? from.innerJoin(page, eq(page.id, referrals.id)) : from)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(fromProgram, eq(fromProgram.id, referrals.fromProgramId))
    .innerJoin(fromOrg, eq(fromOrg.id, fromProgram.organizationId))
    .innerJoin(toProgram, eq(toProgram.id, referrals.toProgramId))
    .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
    .innerJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(assignee, eq(assignee.id, referrals.assignedTo));
}

export type ReferralRecord = Awaited<ReturnType<ReturnType<typeof selectReferrals>['where']>>[number];
type ProgramNames = ReferralRecord['fromProgram'];

const single = new Statements<ReferralRecord[]>();

export async function findReferral(tx: Tx, networkId: string, id: string): Promise<ReferralRecord | undefined> {
  const [row] = await single.run(
    tx,
    'by id',
    () =>
      selectReferrals(tx).where(
        and(eq(referrals.id, sql.placeholder('id')), eq(referrals.networkId, sql.placeholder('networkId'))),
      ),
    { id, networkId },
  );
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

/**
 * A page of referrals (one more row than `limit`, to tell whether another page follows), newest first by
 * `sortCol`. The page is chosen on referrals alone (walking an index in order), then only its rows are
 * joined to their names: every referral the actor may read has its client, programs and people readable.
 */
export function listReferrals(tx: Tx, where: (SQL | undefined)[], sortCol: SQL, limit: number) {
  return prepared(selectReferrals(tx, pageOf(tx, where, sortCol, limit + 1)).orderBy(...newestFirst(sortCol)));
}

/** Which side of a box's referrals is the acting program: the sender's in the sent box, the receiver's in the other. */
export type OwnSide = 'from' | 'to';

/**
 * A box's page with the names of its other side only: its own side is the acting program on every row, whose
 * names the tenant settings statement read once (TenantContext.program). Two joins fewer, a fifth of the
 * list's SQL (bench/referrals-load.ts). Seven tables: the planner orders them, and walks the page first.
 */
function selectBoxPage(tx: Tx, page: ReferralPage, own: OwnSide) {
  const [program, org, key] =
    own === 'from' ? [toProgram, toOrg, referrals.toProgramId] : [fromProgram, fromOrg, referrals.fromProgramId];
  return tx
    .select({
      referral: summaryColumns,
      ...peopleColumns,
      other: { id: program.id, name: program.name, organizationName: org.name },
    })
    .from(referrals)
    .innerJoin(page, eq(page.id, referrals.id))
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .innerJoin(program, eq(program.id, key))
    .innerJoin(org, eq(org.id, program.organizationId))
    .innerJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(assignee, eq(assignee.id, referrals.assignedTo));
}
type BoxRow = Awaited<ReturnType<ReturnType<typeof selectBoxPage>['where']>>[number];

/** A list row (MT-14): a referral's summary with the names of both sides. */
export type ReferralSummaryRecord = Omit<BoxRow, 'other'> & { fromProgram: ProgramNames; toProgram: ProgramNames };

const pages = new Statements<BoxRow[]>();

/**
 * A box's page (selectBoxPage) built once per `shape`: `build` gives its conditions with sql.placeholder()s,
 * which `values` fill (with `limit`, the rows to read: one more than the page). `acting` is the own side.
 */
export async function listBoxOfShape(
  tx: Tx,
  own: OwnSide,
  acting: ProgramNames,
  shape: string,
  build: () => { where: (SQL | undefined)[]; sortCol: SQL },
  values: Record<string, unknown>,
): Promise<ReferralSummaryRecord[]> {
  const rows = await pages.run(
    tx,
    `${own} ${shape}`,
    () => {
      const { where, sortCol } = build();
      return selectBoxPage(tx, pageOf(tx, where, sortCol, sql.placeholder('limit')), own).orderBy(
        ...newestFirst(sortCol),
      );
    },
    values,
  );
  return rows.map((r) => ({
    referral: r.referral,
    client: r.client,
    fromProgram: own === 'from' ? acting : r.other,
    toProgram: own === 'to' ? acting : r.other,
    createdBy: r.createdBy,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
  }));
}

/** The referral's client has this name (first and last, an ILIKE pattern): a filter for listReferrals. */
export const clientNameContains = (pattern: string | Placeholder) =>
  sql`EXISTS (SELECT 1 FROM ${clients} WHERE ${clients.id} = ${referrals.clientId}
      AND (${clients.firstName} || ' ' || ${clients.lastName}) ILIKE ${pattern})`;

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

interface HistoryRow {
  timeline: {
    id: string;
    kind: string;
    actorId: string | null;
    actorName: string | null;
    data: Record<string, unknown>;
    at: string;
  }[];
  notes: {
    id: string;
    organizationId: string;
    kind: string;
    happenedOn: string;
    contactMethod: string | null;
    outcome: string | null;
    text: string;
    shared: boolean;
    authorId: string;
    authorName: string;
    createdAt: string;
  }[];
}

/**
 * The referral's timeline (oldest first) and the notes row-level security lets the actor read (its
 * organization's, and the other program's shared ones; newest first), in one round trip, planned once per connection.
 */
export async function historyOf(tx: Tx, referralId: string) {
  const e = referralEvents;
  const n = referralNotes;
  const [row] = await preparedRows<HistoryRow>(
    tx,
    sql`SELECT
      (SELECT coalesce(json_agg(json_build_object('id', ${e.id}, 'kind', ${e.kind}, 'actorId', ${users.id},
                'actorName', ${users.name}, 'data', ${e.data}, 'at', ${e.at}) ORDER BY ${e.at}, ${e.id}), '[]')
         FROM ${e} LEFT JOIN ${users} ON ${users.id} = ${e.actorId} WHERE ${e.referralId} = ${referralId}) AS timeline,
      (SELECT coalesce(json_agg(json_build_object('id', ${n.id}, 'organizationId', ${n.organizationId}, 'kind', ${n.kind},
                'happenedOn', ${n.happenedOn}, 'contactMethod', ${n.contactMethod}, 'outcome', ${n.outcome},
                'text', ${n.text}, 'shared', ${n.shared}, 'authorId', ${n.authorId}, 'authorName', ${users.name},
                'createdAt', ${n.createdAt}) ORDER BY ${n.happenedOn} DESC, ${n.createdAt} DESC), '[]')
         FROM ${n} JOIN ${users} ON ${users.id} = ${n.authorId} WHERE ${n.referralId} = ${referralId}) AS notes`,
  );
  // JSON carries timestamps as text: Dates again, as the other queries return them.
  return {
    timeline: row!.timeline.map((t) => ({ ...t, at: new Date(t.at) })),
    notes: row!.notes.map((t) => ({ ...t, createdAt: new Date(t.createdAt) })),
  };
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
