import { and, asc, desc, eq, gte, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { prepared } from '../../db/tx.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { listOrder, referrals } from '../referrals/referrals.table.js';

/** Which referrals a report counts: one network, sent in [start, end), to or from one program unless null (all). */
export interface ReportScope {
  networkId: string;
  programId: string | null;
  start: Date;
  end: Date;
}

const toProgram = alias(programs, 'to_program');
const toOrg = alias(organizations, 'to_org');
const fromProgram = alias(programs, 'from_program');
const fromOrg = alias(organizations, 'from_org');

const count = (where?: SQL) =>
  where ? sql<number>`count(*) FILTER (WHERE ${where})::int` : sql<number>`count(*)::int`;

const receivedOrder = listOrder.received(referrals.sentAt, referrals.createdAt);

/** Referrals sent in the period (never drafts), received by the scope's program (`to`) or sent by it (`from`). */
function inScope(s: ReportScope, side: 'to' | 'from'): SQL {
  return and(
    eq(referrals.networkId, s.networkId),
    ne(referrals.state, 'draft'),
    isNotNull(referrals.sentAt),
    gte(referrals.sentAt, s.start),
    lt(referrals.sentAt, s.end),
    s.programId ? eq(side === 'to' ? referrals.toProgramId : referrals.fromProgramId, s.programId) : undefined,
    // The same period on the received order (a sent referral's is its sent_at, to the millisecond, and the
    // period's bounds are whole days), so a program's report ranges over referrals_received_idx.
    side === 'to' && s.programId ? gte(receivedOrder, listOrder.instant(s.start.toISOString())) : undefined,
    side === 'to' && s.programId ? lt(receivedOrder, listOrder.instant(s.end.toISOString())) : undefined,
  )!;
}

/** Hours from sent to the first answer (assignment or refusal); null while unanswered. */
const ackHours = sql`extract(epoch FROM ${referrals.acknowledgedAt} - ${referrals.sentAt}) / 3600`;
// percentile_cont skips nulls: the unanswered referrals are counted, not timed.
const percentile = (p: number) =>
  sql<string | null>`round((percentile_cont(${sql.raw(String(p))}) WITHIN GROUP (ORDER BY ${ackHours}))::numeric, 1)`;

/** MT-15 referral delays: per receiving program, counts and the median and 90th percentile hours to answer. */
export function delays(tx: Tx, s: ReportScope) {
  return prepared(
    tx
      .select({
        programId: referrals.toProgramId,
        programName: toProgram.name,
        organizationName: toOrg.name,
        referrals: count(),
        acknowledged: count(isNotNull(referrals.acknowledgedAt)),
        medianHours: percentile(0.5),
        p90Hours: percentile(0.9),
      })
      .from(referrals)
      .innerJoin(toProgram, eq(toProgram.id, referrals.toProgramId))
      .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
      .where(inScope(s, 'to'))
      .groupBy(referrals.toProgramId, toProgram.name, toOrg.name)
      .orderBy(asc(toProgram.name), asc(toOrg.name), asc(referrals.toProgramId)),
  );
}

/** MT-15 referral outcomes: received referrals by state and service status, refused ones by reason. */
export function outcomes(tx: Tx, s: ReportScope) {
  const detail = sql<
    string | null
  >`CASE WHEN ${referrals.state} = 'refused' THEN ${referrals.refusalReason} WHEN ${referrals.state} = 'sent' THEN NULL ELSE ${referrals.serviceStatus} END`;
  return prepared(
    tx
      .select({ state: referrals.state, detail, count: count() })
      .from(referrals)
      .where(inScope(s, 'to'))
      .groupBy(referrals.state, detail),
  );
}

/**
 * MT-15 referrals from agency (`from`: sent by the program, per receiving program) and to agency
 * (`to`: received, per sending program), counted by state.
 */
export function flows(tx: Tx, s: ReportScope, side: 'to' | 'from') {
  const state = (st: string) => count(eq(referrals.state, st));
  const total = count();
  return prepared(
    tx
      .select({
        fromProgramId: referrals.fromProgramId,
        fromProgramName: fromProgram.name,
        fromOrganizationName: fromOrg.name,
        toProgramId: referrals.toProgramId,
        toProgramName: toProgram.name,
        toOrganizationName: toOrg.name,
        sent: state('sent'),
        assigned: state('assigned'),
        refused: state('refused'),
        closed: state('closed'),
        total,
      })
      .from(referrals)
      .innerJoin(fromProgram, eq(fromProgram.id, referrals.fromProgramId))
      .innerJoin(fromOrg, eq(fromOrg.id, fromProgram.organizationId))
      .innerJoin(toProgram, eq(toProgram.id, referrals.toProgramId))
      .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
      .where(inScope(s, side))
      .groupBy(
        referrals.fromProgramId,
        fromProgram.name,
        fromOrg.name,
        referrals.toProgramId,
        toProgram.name,
        toOrg.name,
      )
      .orderBy(desc(total), asc(side === 'from' ? toProgram.name : fromProgram.name), asc(referrals.fromProgramId)),
  );
}
