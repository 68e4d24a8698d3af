import {
  REFERRAL_STATES,
  type ReferralState,
  type RefusalReasonSetting,
  refusalReasonLabel,
  SERVICE_STATUSES,
} from '@portico/shared';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { invalid } from '../../http/errors.js';
import { type Actor, assertCan, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { referralSettingsIn } from '../networks/networks.repo.js';
import { assertFitsFormat } from './reports.export.js';
import * as repo from './reports.repo.js';
import { MAX_PERIOD_DAYS, type Report, type ReportKind } from './reports.schema.js';

export interface ReportDeps {
  db: Db;
  clock: Clock;
}

export type ReportView = Static<typeof Report>;
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);

/** [start, end) of the period's UTC days; 400 naming query.to when it ends before it starts or runs too long. */
export function periodBounds({ from, to }: Period): { start: Date; end: Date } {
  const start = dayStart(from);
  const end = new Date(dayStart(to).getTime() + DAY_MS);
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  if (days < 1) throw invalid('query.to', 'must not be before query.from');
  if (days > MAX_PERIOD_DAYS) throw invalid('query.to', `the period is at most ${MAX_PERIOD_DAYS} days`);
  return { start, end };
}

const STATE_ORDER = Object.keys(REFERRAL_STATES);
/** A refusal's label comes from the network's list (a removed reason: the shared default, else its code). */
const detailLabel = (reasons: readonly RefusalReasonSetting[], state: string, detail: string | null) => {
  if (state === 'sent') return null;
  if (state === 'refused') return detail ? refusalReasonLabel(reasons, detail) : null;
  return detail
    ? (SERVICE_STATUSES[detail as keyof typeof SERVICE_STATUSES]?.label ?? detail)
    : 'No service status yet';
};
const hours = (v: string | number | null) => (v === null ? null : Number(v));
const sum = <T>(rows: T[], n: (r: T) => number) => rows.reduce((a, r) => a + n(r), 0);

type Counted = { rowCount: number; referralTotal: number };
/** A page of rows with the whole report's row and referral counts (every row carries them). */
async function readPage<R extends Counted>(read: (page?: repo.ReportPage) => Promise<R[]>, page?: repo.ReportPage) {
  const rows = await read(page);
  // A page past the end still tells how long the report is.
  const first = rows[0] ?? (page?.offset ? (await read({ limit: 1, offset: 0 }))[0] : undefined);
  return { rows, rowCount: first?.rowCount ?? 0, referrals: first?.referralTotal ?? 0 };
}

/** The report's rows (a page of them, with `page`), read inside the caller's tenant transaction. */
async function build(tx: Tx, kind: ReportKind, scope: repo.ReportScope, page?: repo.ReportPage) {
  if (kind === 'delays') {
    const { rows: read, ...counts } = await readPage((p) => repo.delays(tx, scope, p), page);
    const rows = read.map((r) => ({
      program: { id: r.programId, name: r.programName, organizationName: r.organizationName },
      referrals: r.referrals,
      acknowledged: r.acknowledged,
      unacknowledged: r.referrals - r.acknowledged,
      medianHours: hours(r.medianHours),
      p90Hours: hours(r.p90Hours),
    }));
    return { kind, rows, ...counts };
  }
  if (kind === 'outcomes') {
    const { refusalReasons } = await referralSettingsIn(tx, scope.networkId);
    const rows = (await repo.outcomes(tx, scope))
      .map((r) => ({
        state: r.state,
        stateLabel: REFERRAL_STATES[r.state as ReferralState] ?? r.state,
        detail: r.detail,
        detailLabel: detailLabel(refusalReasons, r.state, r.detail),
        count: r.count,
      }))
      .sort(
        (a, b) =>
          STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
          b.count - a.count ||
          (a.detailLabel ?? '').localeCompare(b.detailLabel ?? ''),
      );
    // A few dozen rows at most (states × statuses and reasons): not paged.
    return { kind, rows, referrals: sum(rows, (r) => r.count), rowCount: rows.length };
  }
  const side = kind === 'from-agency' ? 'from' : 'to';
  const { rows: read, ...counts } = await readPage((p) => repo.flows(tx, scope, side, p), page);
  const rows = read.map((r) => ({
    fromProgram: { id: r.fromProgramId, name: r.fromProgramName, organizationName: r.fromOrganizationName },
    toProgram: { id: r.toProgramId, name: r.toProgramName, organizationName: r.toOrganizationName },
    sent: r.sent,
    assigned: r.assigned,
    refused: r.refused,
    closed: r.closed,
    total: r.total,
  }));
  return { kind, rows, ...counts };
}

/**
 * MT-15: one referral report for a period, aggregated in the database. A program sees its own referrals
 * (received, or sent for "from agency"); a network administrator sees every program of the network.
 * The page shows `page` of the rows (a network's year can hold hundreds of thousands of program pairs);
 * with `exportFormat`, the read is a download of every row and is audited in the same transaction.
 */
export function referralReport(
  { db }: ReportDeps,
  actor: Actor,
  kind: ReportKind,
  period: Period,
  read: { page: repo.ReportPage } | { exportFormat: 'csv' | 'xlsx' },
): Promise<ReportView> {
  const exportFormat = 'exportFormat' in read ? read.exportFormat : undefined;
  assertCan(actor, 'referrals:read');
  const { start, end } = periodBounds(period);
  const network = isNetworkAdmin(actor);
  const scope: repo.ReportScope = {
    networkId: actor.networkId,
    programId: network ? null : actor.programId,
    start,
    end,
  };
  return withTenant(db, actor, async (tx) => {
    const report = {
      ...(await build(tx, kind, scope, 'page' in read ? read.page : undefined)),
      from: period.from,
      to: period.to,
      scope: network ? ('network' as const) : ('program' as const),
    } as ReportView;
    if (exportFormat) {
      assertFitsFormat(exportFormat, report.rows.length);
      // Counts per program only: the details name programs and the period, never clients.
      await recordAudit(tx, auditContextOf(actor), {
        action: 'report.export',
        entityType: 'report',
        details: {
          report: `referrals/${kind}`,
          format: exportFormat,
          from: period.from,
          to: period.to,
          scope: report.scope,
          rows: report.rows.length,
        },
      });
    }
    return report;
  });
}
