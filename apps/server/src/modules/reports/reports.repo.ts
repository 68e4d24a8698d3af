import { and, asc, desc, eq, gte, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { prepared } from '../../db/tx.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { referrals } from '../referrals/referrals.table.js';

/** A page of a report's rows, in its order; without one, every row (the downloads). */
export interface ReportPage {
  limit: number;
  offset: number;
}

/** Counted over every row before the page is cut: the whole report's rows, and the referrals in them. */
const wholeReport = (referralsOfRow: SQL.Aliased<number>) => ({
  rowCount: sql<number>`count(*) OVER ()`.mapWith(Number),
  referralTotal: sql<number>`sum(${referralsOfRow}) OVER ()`.mapWith(Number),
});

/** A report's statement, cut to the page when there is one. */
const preparedPage = <Q extends PgSelect>(query: Q, page?: ReportPage) =>
  prepared<Q['_']['result']>(page ? query.limit(page.limit).offset(page.offset) : query);

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

/** Referrals sent in the period (never drafts), received by the scope's program (`to`) or sent by it (`from`). */
function inScope(s: ReportScope, side: 'to' | 'from'): SQL {
  return and(
    eq(referrals.networkId, s.networkId),
    ne(referrals.state, 'draft'),
    isNotNull(referrals.sentAt),
    gte(referrals.sentAt, s.start),
    lt(referrals.sentAt, s.end),
    // A program's period ranges over referrals_to_period_idx or referrals_from_period_idx (program, sent_at).
    s.programId ? eq(side === 'to' ? referrals.toProgramId : referrals.fromProgramId, s.programId) : undefined,
  )!;
}

/** Hours from sent to the first answer (assignment or refusal); null while unanswered. In double precision: extract() is numeric, and a year of a busy program's referrals took several times as long. */
const ackHours = sql`date_part('epoch', ${referrals.acknowledgedAt} - ${referrals.sentAt}) / 3600`;

/**
 * MT-15 referral delays: per receiving program, counts and the median and 90th percentile hours to answer.
 * The referrals are counted first and only the counts are joined to their names (the joins ran once per
 * referral before); both percentiles come from one sort. percentile_cont skips nulls: the unanswered
 * referrals are counted, not timed.
 */
export function delays(tx: Tx, s: ReportScope, page?: ReportPage) {
  const counted = tx
    .select({
      programId: sql<string>`${referrals.toProgramId}`.as('counted_program_id'),
      referrals: count().as('counted_referrals'),
      acknowledged: count(isNotNull(referrals.acknowledgedAt)).as('counted_acknowledged'),
      hours: sql<number[]>`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${ackHours})`.as('counted_hours'),
    })
    .from(referrals)
    .where(inScope(s, 'to'))
    .groupBy(referrals.toProgramId)
    // Its columns are named apart from the joined tables' (drizzle does not qualify a subquery's columns).
    .as('counted');
  const hours = (i: number) => sql<string | null>`round((${counted.hours})[${sql.raw(String(i))}]::numeric, 1)`;
  return preparedPage(
    tx
      .select({
        programId: counted.programId,
        programName: toProgram.name,
        organizationName: toOrg.name,
        referrals: counted.referrals,
        acknowledged: counted.acknowledged,
        medianHours: hours(1),
        p90Hours: hours(2),
        ...wholeReport(counted.referrals),
      })
      .from(counted)
      .innerJoin(toProgram, eq(toProgram.id, counted.programId))
      .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
      .orderBy(asc(toProgram.name), asc(toOrg.name), asc(counted.programId))
      .$dynamic(),
    page,
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
 * (`to`: received, per sending program), counted by state: counted per pair of programs first, then
 * the pairs joined to their names.
 */
export function flows(tx: Tx, s: ReportScope, side: 'to' | 'from', page?: ReportPage) {
  const state = (st: string) => count(eq(referrals.state, st));
  const counted = tx
    .select({
      fromProgramId: sql<string>`${referrals.fromProgramId}`.as('counted_from_program_id'),
      toProgramId: sql<string>`${referrals.toProgramId}`.as('counted_to_program_id'),
      sent: state('sent').as('counted_sent'),
      assigned: state('assigned').as('counted_assigned'),
      refused: state('refused').as('counted_refused'),
      closed: state('closed').as('counted_closed'),
      total: count().as('counted_total'),
    })
    .from(referrals)
    .where(inScope(s, side))
    .groupBy(referrals.fromProgramId, referrals.toProgramId)
    .as('counted');
  return preparedPage(
    tx
      .select({
        fromProgramId: counted.fromProgramId,
        fromProgramName: fromProgram.name,
        fromOrganizationName: fromOrg.name,
        toProgramId: counted.toProgramId,
        toProgramName: toProgram.name,
        toOrganizationName: toOrg.name,
        sent: counted.sent,
        assigned: counted.assigned,
        refused: counted.refused,
        closed: counted.closed,
        total: counted.total,
        ...wholeReport(counted.total),
      })
      .from(counted)
      .innerJoin(fromProgram, eq(fromProgram.id, counted.fromProgramId))
      .innerJoin(fromOrg, eq(fromOrg.id, fromProgram.organizationId))
      .innerJoin(toProgram, eq(toProgram.id, counted.toProgramId))
      .innerJoin(toOrg, eq(toOrg.id, toProgram.organizationId))
      .orderBy(
        desc(counted.total),
        asc(side === 'from' ? toProgram.name : fromProgram.name),
        asc(counted.fromProgramId),
        asc(counted.toProgramId),
      )
      .$dynamic(),
    page,
  );
}
