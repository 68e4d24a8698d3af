import { REFERRAL_STATES } from '@portico/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutralizeFormula } from '../directory/directory.export.js';
import { REPORT_KINDS } from './reports.schema.js';
import type { ReportView } from './reports.service.js';

type Cell = string | number | null;
/** A report as a sheet: the header and one array of cells per row, the same for CSV and Excel. */
export interface ReportTable {
  header: string[];
  rows: Cell[][];
}

type Flow = Extract<ReportView, { kind: 'from-agency' | 'to-agency' }>['rows'][number];
type Program = Flow['toProgram'];

const STATE_COUNTS = (['sent', 'assigned', 'refused', 'closed'] as const).map(
  (s) => [REFERRAL_STATES[s], (r: Flow) => r[s]] as const,
);

/** The program columns of a flow report: the other program only, or both sides for the network. */
function flowPrograms(r: ReportView & { kind: 'from-agency' | 'to-agency' }): [string, (r: Flow) => Program][] {
  if (r.scope === 'network') {
    return [
      ['From', (f) => f.fromProgram],
      ['To', (f) => f.toProgram],
    ];
  }
  return r.kind === 'from-agency' ? [['To', (f) => f.toProgram]] : [['From', (f) => f.fromProgram]];
}

/** The rows of a report under the headers both downloads use. */
export function reportTable(report: ReportView): ReportTable {
  switch (report.kind) {
    case 'delays':
      return {
        header: [
          'Receiving program',
          'Organization',
          'Referrals sent',
          'Acknowledged',
          'Not yet acknowledged',
          'Median hours to acknowledge',
          '90th percentile hours to acknowledge',
        ],
        rows: report.rows.map((r) => [
          r.program.name,
          r.program.organizationName,
          r.referrals,
          r.acknowledged,
          r.unacknowledged,
          r.medianHours,
          r.p90Hours,
        ]),
      };
    case 'outcomes':
      return {
        header: ['State', 'Service status or refusal reason', 'Referrals'],
        rows: report.rows.map((r) => [r.stateLabel, r.detailLabel, r.count]),
      };
    default: {
      const sides = flowPrograms(report);
      return {
        header: [
          ...sides.flatMap(([side]) => [`${side} program`, `${side} organization`]),
          ...STATE_COUNTS.map(([label]) => label),
          'Total',
        ],
        rows: report.rows.map((f) => [
          ...sides.flatMap(([, program]) => [program(f).name, program(f).organizationName]),
          ...STATE_COUNTS.map(([, n]) => n(f)),
          f.total,
        ]),
      };
    }
  }
}

/** RFC 4180 CSV with a UTF-8 byte order mark (Excel reads accents right); text cells cannot run as formulas. */
export function toCsv({ header, rows }: ReportTable): Buffer {
  const cells = rows.map((row) => row.map((c) => (typeof c === 'string' ? neutralizeFormula(c) : (c ?? ''))));
  const csv = stringify([header, ...cells], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return Buffer.from(`\uFEFF${csv}`, 'utf8');
}

/** One sheet: bold frozen header and filters; counts and hours stay numbers, so the sheet can sum them. */
export async function toXlsx({ header, rows }: ReportTable, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Portico';
  book.created = new Date();
  book.title = title;
  const sheet = book.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  // Plain values only: ExcelJS writes a formula only from a { formula } object, never from a string.
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The attachment's name: referrals-<kind>-<from>-to-<to>.<ext>, ASCII only. */
export function reportFileName(report: Pick<ReportView, 'kind' | 'from' | 'to'>, format: 'csv' | 'xlsx') {
  return `referrals-${report.kind}-${report.from}-to-${report.to}.${format}`;
}

/** The workbook's title: "Referral delays, 2025-01-01 to 2025-12-31". */
export const reportTitle = (report: Pick<ReportView, 'kind' | 'from' | 'to'>) =>
  `${REPORT_KINDS[report.kind]}, ${report.from} to ${report.to}`;
