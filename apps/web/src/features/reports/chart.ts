import { REFERRAL_STATES } from '@portico/shared';
import { flowSides, formatHours, referralCount } from './reportText';
import type { FlowReport, Report } from './types';

/** One colour of a chart, named in its legend. */
export interface ChartSeries {
  label: string;
  color: string;
}
/** One horizontal bar: its segments (one value per series), the figure beside it, and the bar in words. */
export interface ChartBar {
  id: string;
  label: string;
  values: number[];
  text: string;
  spoken: string;
}
export interface ChartData {
  title: string;
  series: ChartSeries[];
  bars: ChartBar[];
  /** The whole chart in words: the accessible name of the picture (the table stays the full source). */
  summary: string;
}

/** At most this many bars; the table lists every row. */
export const MAX_BARS = 12;

// The shades of the state badges: the legend and the table say the state, the colour only repeats it.
const STATES = ['sent', 'assigned', 'refused', 'closed'] as const;
const STATE_SERIES: ChartSeries[] = [
  { label: REFERRAL_STATES.sent, color: 'var(--mantine-color-blue-9)' },
  { label: REFERRAL_STATES.assigned, color: 'var(--mantine-color-teal-8)' },
  { label: REFERRAL_STATES.refused, color: 'var(--mantine-color-red-9)' },
  { label: REFERRAL_STATES.closed, color: 'var(--mantine-color-dark-6)' },
];

function chart(title: string, series: ChartSeries[], all: ChartBar[]): ChartData {
  const bars = all.slice(0, MAX_BARS);
  const more = all.length - bars.length;
  const summary = `${title}. ${bars.map((b) => `${b.label}: ${b.spoken}`).join('; ')}${more > 0 ? `; and ${more} more in the table` : ''}.`;
  return { title, series, bars, summary };
}

const flowLabel = (report: FlowReport, row: FlowReport['rows'][number]) =>
  flowSides(report)
    .map((side) => (side === 'from' ? row.fromProgram.name : row.toProgram.name))
    .join(' → ');

const STATE_WORDS = ['awaiting an answer', 'assigned', 'refused', 'closed'];
/** A bar of states in words: "6 referrals (1 awaiting an answer, 2 assigned, 2 refused, 1 closed)". */
function stateText(values: number[], total: number) {
  const parts = values.flatMap((v, i) => (v ? [`${v} ${STATE_WORDS[i]}`] : []));
  return `${referralCount(total)} (${parts.join(', ')})`;
}

/**
 * The picture of a report, or null where one would not help: delays draw each program's 90th percentile
 * with the median as its first part ("median / 90th percentile" beside it); outcomes and flows draw
 * counts coloured by state.
 */
export function chartOf(report: Report): ChartData | null {
  if (report.rows.length === 0) return null;
  if (report.kind === 'delays') {
    const timed = report.rows.filter((r) => r.medianHours !== null && r.p90Hours !== null);
    if (timed.length === 0) return null;
    return chart(
      'Hours to answer a referral, by receiving program',
      [
        { label: 'Median', color: 'var(--mantine-color-blue-9)' },
        { label: '90th percentile', color: 'var(--mantine-color-blue-5)' },
      ],
      timed.map((r) => ({
        id: r.program.id,
        label: r.program.name,
        values: [r.medianHours!, Math.max(0, r.p90Hours! - r.medianHours!)],
        text: `${formatHours(r.medianHours, true)} / ${formatHours(r.p90Hours, true)}`,
        spoken: `median ${formatHours(r.medianHours)}, 90th percentile ${formatHours(r.p90Hours)}`,
      })),
    );
  }
  if (report.kind === 'outcomes') {
    return chart(
      'Referrals received, by outcome',
      STATE_SERIES,
      report.rows.map((r) => ({
        id: `${r.state}:${r.detail ?? ''}`,
        label: r.detailLabel ? `${r.stateLabel}: ${r.detailLabel}` : r.stateLabel,
        values: STATES.map((s) => (s === r.state ? r.count : 0)),
        text: String(r.count),
        spoken: referralCount(r.count),
      })),
    );
  }
  const sent = report.kind === 'from-agency';
  return chart(
    report.scope === 'network'
      ? 'Referrals by sending and receiving program, and state'
      : `Referrals ${sent ? 'sent, by receiving' : 'received, by sending'} program and state`,
    STATE_SERIES,
    report.rows.map((r) => {
      const values = STATES.map((s) => r[s]);
      return {
        id: `${r.fromProgram.id}:${r.toProgram.id}`,
        label: flowLabel(report, r),
        values,
        text: String(r.total),
        spoken: stateText(values, r.total),
      };
    }),
  );
}

/** A segment's share of the longest bar, in percent (the longest bar fills the track). */
export function segmentWidths(bars: ChartBar[]): number[][] {
  const longest = Math.max(0, ...bars.map((b) => b.values.reduce((a, v) => a + v, 0)));
  return bars.map((b) => b.values.map((v) => (longest > 0 ? (v / longest) * 100 : 0)));
}
