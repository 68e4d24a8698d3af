import { Type } from 'typebox';
import { Nullable, Uuid } from '../../http/schema.js';

/** MT-15 referral reports, by the names of the guide. */
export const REPORT_KINDS = {
  delays: 'Referral delays',
  outcomes: 'Referral outcomes',
  'from-agency': 'Referrals from agency',
  'to-agency': 'Referrals to agency',
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

/** A period is at most this many days, both ends included. */
export const MAX_PERIOD_DAYS = 366;
/** Rows of a report page (JSON): a network's to-agency year can hold hundreds of thousands of program pairs. */
export const REPORT_PAGE_ROWS = 100;
export const MAX_REPORT_PAGE_ROWS = 500;

const IsoDate = (description = 'YYYY-MM-DD (UTC calendar day)') => Type.String({ format: 'date', description });
const Count = Type.Integer({ minimum: 0 });
const Hours = Nullable(Type.Number({ description: 'Hours, one decimal; null when nothing was acknowledged' }));
/** One of some codes; an enum, so a wrong value gets one error rather than one per code. */
const OneOf = <K extends string>(codes: readonly K[], description: string, extra: object = {}) =>
  Type.Unsafe<K>({ type: 'string', enum: codes, description, ...extra });

export const ReportParams = Type.Object({
  kind: OneOf(
    Object.keys(REPORT_KINDS) as ReportKind[],
    Object.entries(REPORT_KINDS)
      .map(([k, label]) => `\`${k}\` (${label})`)
      .join(', '),
  ),
});

export const ReportQuery = Type.Object(
  {
    from: IsoDate('First day of the period, YYYY-MM-DD (UTC): referrals sent from then'),
    to: IsoDate(`Last day of the period, included; the period is at most ${MAX_PERIOD_DAYS} days`),
    format: Type.Optional(
      OneOf(['json', 'csv', 'xlsx'], 'JSON for the page; CSV (RFC 4180) or Excel as an audited download', {
        default: 'json',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_REPORT_PAGE_ROWS,
        default: REPORT_PAGE_ROWS,
        description: 'JSON only: rows of the page (the downloads hold every row)',
      }),
    ),
    offset: Type.Optional(
      Type.Integer({ minimum: 0, default: 0, description: 'JSON only: rows before the page, in the report’s order' }),
    ),
  },
  { additionalProperties: false },
);

const ProgramRef = Type.Object({ id: Uuid, name: Type.String(), organizationName: Type.String() });

/** Per receiving program: how long the first answer (assignment or refusal) took. */
export const DelayRow = Type.Object({
  program: ProgramRef,
  referrals: Count,
  acknowledged: Count,
  unacknowledged: Count,
  medianHours: Hours,
  p90Hours: Hours,
});

/** One outcome: the state, and the service status (assigned, closed) or refusal reason (refused). */
export const OutcomeRow = Type.Object({
  state: Type.String(),
  stateLabel: Type.String(),
  detail: Nullable(Type.String({ description: 'SERVICE_STATUSES or REFUSAL_REASONS code' })),
  detailLabel: Nullable(Type.String()),
  count: Count,
});

/** Referrals between two programs, counted by their state now. */
export const FlowRow = Type.Object({
  fromProgram: ProgramRef,
  toProgram: ProgramRef,
  sent: Count,
  assigned: Count,
  refused: Count,
  closed: Count,
  total: Count,
});

const head = {
  from: IsoDate(),
  to: IsoDate(),
  scope: Type.Union([Type.Literal('program'), Type.Literal('network')], {
    description: 'The acting program’s referrals, or (network administrators) every program’s',
  }),
  referrals: Type.Integer({ minimum: 0, description: 'Referrals counted, in every row of the report' }),
  rowCount: Type.Integer({ minimum: 0, description: 'Rows of the whole report; `rows` are the page from `offset`' }),
};

export const Report = Type.Union([
  Type.Object({ kind: Type.Literal('delays'), ...head, rows: Type.Array(DelayRow) }),
  Type.Object({ kind: Type.Literal('outcomes'), ...head, rows: Type.Array(OutcomeRow) }),
  Type.Object({
    kind: Type.Union([Type.Literal('from-agency'), Type.Literal('to-agency')]),
    ...head,
    rows: Type.Array(FlowRow),
  }),
]);
