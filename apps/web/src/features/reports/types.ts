/** Shapes of GET /api/reports/referrals/:kind (see apps/server/src/modules/reports/reports.schema.ts). */

export type ReportKind = 'delays' | 'outcomes' | 'from-agency' | 'to-agency';

export interface ProgramRef {
  id: string;
  name: string;
  organizationName: string;
}

/** Per receiving program: how long the first answer (assignment or refusal) took. */
export interface DelayRow {
  program: ProgramRef;
  referrals: number;
  acknowledged: number;
  unacknowledged: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** One outcome: state, and service status or refusal reason (labels from the shared lists). */
export interface OutcomeRow {
  state: string;
  stateLabel: string;
  detail: string | null;
  detailLabel: string | null;
  count: number;
}

/** Referrals between two programs, by state. */
export interface FlowRow {
  fromProgram: ProgramRef;
  toProgram: ProgramRef;
  sent: number;
  assigned: number;
  refused: number;
  closed: number;
  total: number;
}

interface Head {
  from: string;
  to: string;
  /** The acting program's referrals, or every program's for a network administrator. */
  scope: 'program' | 'network';
  /** Referrals counted in every row of the report, not only the page's. */
  referrals: number;
  /** Rows of the whole report; `rows` is one page of them. */
  rowCount: number;
}

export type Report =
  | (Head & { kind: 'delays'; rows: DelayRow[] })
  | (Head & { kind: 'outcomes'; rows: OutcomeRow[] })
  | (Head & { kind: 'from-agency' | 'to-agency'; rows: FlowRow[] });

export type FlowReport = Extract<Report, { kind: 'from-agency' | 'to-agency' }>;
