import { XLSX_MAX_ROWS } from '@portico/shared';
import type { FlowReport, ReportKind } from './types';

/** MT-15 report names and what each counts. */
export const REPORTS: Record<ReportKind, { label: string; description: string }> = {
  delays: {
    label: 'Referral delays',
    description:
      'Referrals received, and how long the receiving program took to answer (assign or refuse): the median, the 90th percentile, and those still unanswered.',
  },
  outcomes: {
    label: 'Referral outcomes',
    description: 'Referrals received, by state now and service status; refused ones by reason.',
  },
  'from-agency': {
    label: 'Referrals from agency',
    description: 'Referrals sent, by receiving program and state now.',
  },
  'to-agency': {
    label: 'Referrals to agency',
    description: 'Referrals received, by sending program and state now.',
  },
};

/** Hours to answer: "4 h", "30 h", "60 h (2.5 days)" unless `short`; a dash when nothing was answered. */
export function formatHours(hours: number | null, short = false): string {
  if (hours === null) return '—';
  const h = `${hours.toLocaleString('en-US', { maximumFractionDigits: 1 })} h`;
  return hours >= 48 && !short ? `${h} (${(hours / 24).toFixed(1)} days)` : h;
}

/** "1 referral", "12 referrals". */
export const referralCount = (n: number) => (n === 1 ? '1 referral' : `${n} referrals`);

/** The program columns a flow report shows: the other program, or both sides for the network. */
export function flowSides(report: Pick<FlowReport, 'kind' | 'scope'>): ('from' | 'to')[] {
  if (report.scope === 'network') return ['from', 'to'];
  return report.kind === 'from-agency' ? ['to'] : ['from'];
}

/** Where a page of a report's rows stands: "Rows 101–200 of 1,972", or null when one page holds them all. */
export function rowsShown(offset: number, shown: number, rowCount: number): string | null {
  if (offset === 0 && shown >= rowCount) return null;
  if (shown === 0) return `No rows here: the report has ${rowCount.toLocaleString('en-US')}.`;
  const n = (x: number) => x.toLocaleString('en-US');
  return `Rows ${n(offset + 1)}–${n(offset + shown)} of ${n(rowCount)}. The downloads hold every row.`;
}

/** Why a report has no Excel download (longer than one sheet holds), or null when it has one. */
export function excelRefusal(rowCount: number): string | null {
  if (rowCount <= XLSX_MAX_ROWS) return null;
  return `${rowCount.toLocaleString('en-US')} rows are more than an Excel sheet holds: download CSV, or choose a shorter period.`;
}
