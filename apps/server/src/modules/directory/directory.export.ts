import { INSURANCE, type InsuranceCode } from '@portico/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** What an export row is built from: a directory entry as the search returns it. */
export interface ExportEntry {
  name: string;
  organization: { name: string };
  services: { name: string }[];
  counties: string[];
  regions: string[];
  telemedicine: boolean;
  telemedicineCounties: string[];
  insurance: string[];
  languages: string[];
  eligibility: string | null;
  hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  city: string | null;
  referralStatus: string;
  agreementValidUntil: Date | string | null;
}

const list = (xs: string[]) => xs.join('; ');
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '');
const insuranceLabel = (code: string) => INSURANCE[code as InsuranceCode] ?? code;

/** Columns of both formats, in order: header and the cell of an entry. */
export const EXPORT_COLUMNS: [string, (e: ExportEntry) => string][] = [
  ['Program', (e) => e.name],
  ['Organization', (e) => e.organization.name],
  ['Services', (e) => list(e.services.map((s) => s.name))],
  ['Counties', (e) => list(e.counties)],
  ['Regions', (e) => list(e.regions)],
  ['Telemedicine', (e) => (e.telemedicine ? 'Yes' : 'No')],
  [
    'Telemedicine counties',
    (e) => (e.telemedicine ? (e.telemedicineCounties.length ? list(e.telemedicineCounties) : 'All counties') : ''),
  ],
  ['Insurance accepted', (e) => list(e.insurance.map(insuranceLabel))],
  ['Languages', (e) => list(e.languages)],
  ['Eligibility', (e) => e.eligibility ?? ''],
  ['Hours', (e) => e.hours ?? ''],
  ['Phone', (e) => e.phone ?? ''],
  ['Email', (e) => e.email ?? ''],
  ['Website', (e) => e.website ?? ''],
  ['City', (e) => e.city ?? ''],
  ['Referral status', (e) => (e.referralStatus === 'open' ? 'Open' : 'Closed')],
  ['Agreement valid until', (e) => day(e.agreementValidUntil)],
];

/**
 * A spreadsheet program runs a CSV cell that starts with = + - @ as a formula (OWASP "CSV injection"):
 * such cells get a leading apostrophe, except phone numbers like "+1 406 555 0100".
 */
export function neutralizeFormula(cell: string): string {
  if (/^[=@\t\r]/.test(cell) || (/^[+-]/.test(cell) && !/^[+-][0-9()\-. ]*$/.test(cell))) return `'${cell}`;
  return cell;
}

/** RFC 4180 CSV (CRLF, quoted where needed) with a UTF-8 byte order mark so Excel reads accents right. */
export function toCsv(entries: ExportEntry[]): Buffer {
  const rows = [
    EXPORT_COLUMNS.map(([h]) => h),
    ...entries.map((e) => EXPORT_COLUMNS.map(([, cell]) => neutralizeFormula(cell(e)))),
  ];
  // csv-stringify quotes only the record delimiter (CRLF), so a lone LF or CR is quoted explicitly.
  const csv = stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  return Buffer.from(`\uFEFF${csv}`, 'utf8');
}

/** An Excel workbook with one sheet: bold frozen header, filters, readable column widths. */
export async function toXlsx(entries: ExportEntry[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Portico';
  book.created = new Date();
  const sheet = book.addWorksheet('Directory', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(([header]) => ({ header, width: Math.max(12, Math.min(40, header.length + 6)) }));
  sheet.getRow(1).font = { bold: true };
  // Values are written as strings: nothing in a cell is ever taken as a formula.
  for (const e of entries) sheet.addRow(EXPORT_COLUMNS.map(([, cell]) => cell(e)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  book.title = title;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The attachment's file name: directory-<date>[-filters].<ext>, ASCII only. */
export function exportFileName(filters: Record<string, string | undefined>, format: 'csv' | 'xlsx', now: Date) {
  const parts = Object.values(filters)
    .filter((v): v is string => Boolean(v))
    .map((v) =>
      v
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean);
  return `${['directory', now.toISOString().slice(0, 10), ...parts].join('-').slice(0, 120)}.${format}`;
}
