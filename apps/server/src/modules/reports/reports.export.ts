import { PassThrough, Readable } from 'node:stream';
import { REFERRAL_STATES, XLSX_MAX_ROWS } from '@portico/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../../http/errors.js';
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

/** Rows written between two turns of the event loop: a network's year is hundreds of thousands of rows. */
const ROWS_PER_TURN = 1000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A report too long for one Excel sheet is refused before anything is written or audited: CSV holds any length. */
export function assertFitsFormat(format: 'csv' | 'xlsx', rows: number) {
  if (format === 'xlsx' && rows > XLSX_MAX_ROWS)
    throw invalid(
      'query.format',
      `this report has ${rows.toLocaleString('en-US')} rows, more than an Excel sheet holds (${XLSX_MAX_ROWS.toLocaleString('en-US')}): download it as CSV, or choose a shorter period`,
    );
}

const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
const csvCells = (row: Cell[]) => row.map((c) => (typeof c === 'string' ? neutralizeFormula(c) : (c ?? '')));

async function* csvChunks({ header, rows }: ReportTable) {
  yield `\uFEFF${stringify([header], CSV_OPTIONS)}`;
  for (let i = 0; i < rows.length; i += ROWS_PER_TURN) {
    yield stringify(rows.slice(i, i + ROWS_PER_TURN).map(csvCells), CSV_OPTIONS);
    await nextTurn();
  }
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (Excel reads accents right); text cells cannot run as formulas.
 * Streamed a thousand rows at a time, as the response takes them.
 */
export const csvStream = (table: ReportTable): Readable => Readable.from(csvChunks(table), { objectMode: false });

/**
 * One sheet: bold frozen header and filters; counts and hours stay numbers, so the sheet can sum them.
 * Streamed: each row is written out as it is added (a whole network's year built in memory took 1.2 GB and
 * 7 s of blocked event loop per 100,000 rows), the event loop given back every thousand rows.
 */
export function xlsxStream({ header, rows }: ReportTable, title: string): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = 'Portico';
  book.created = new Date();
  book.title = title;
  const sheet = book.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const write = async () => {
    // Plain values only: ExcelJS writes a formula only from a { formula } object, never from a string.
    for (let i = 0; i < rows.length; i++) {
      sheet.addRow(rows[i]).commit();
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((err: Error) => out.destroy(err));
  return out;
}

/** The attachment's name: referrals-<kind>-<from>-to-<to>.<ext>, ASCII only. */
export function reportFileName(report: Pick<ReportView, 'kind' | 'from' | 'to'>, format: 'csv' | 'xlsx') {
  return `referrals-${report.kind}-${report.from}-to-${report.to}.${format}`;
}

/** The workbook's title: "Referral delays, 2025-01-01 to 2025-12-31". */
export const reportTitle = (report: Pick<ReportView, 'kind' | 'from' | 'to'>) =>
  `${REPORT_KINDS[report.kind]}, ${report.from} to ${report.to}`;
