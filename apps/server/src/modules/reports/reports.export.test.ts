import { buffer } from 'node:stream/consumers';
import { XLSX_MAX_ROWS } from '@portico/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assertFitsFormat, csvStream, reportFileName, reportTable, reportTitle, xlsxStream } from './reports.export.js';
import { periodBounds, type ReportView } from './reports.service.js';

const program = (id: string, name: string) => ({ id, name, organizationName: `${name} Org` });
const flow = (kind: 'from-agency' | 'to-agency', scope: 'program' | 'network'): ReportView => ({
  kind,
  from: '2025-01-01',
  to: '2025-12-31',
  scope,
  referrals: 3,
  rowCount: 1,
  rows: [
    {
      fromProgram: program('a', 'Alder'),
      toProgram: program('b', '=HYPERLINK("x")'),
      sent: 1,
      assigned: 1,
      refused: 0,
      closed: 1,
      total: 3,
    },
  ],
});

// The file's bytes as text, byte order mark kept (stream/consumers' text() drops it).
const csvText = async (table: Parameters<typeof csvStream>[0]) => (await buffer(csvStream(table))).toString('utf8');

describe('referral report files (MT-15)', () => {
  it('shows the other program only, or both sides for the network', () => {
    expect(reportTable(flow('from-agency', 'program')).header.slice(0, 3)).toEqual([
      'To program',
      'To organization',
      'Sent, not yet assigned',
    ]);
    expect(reportTable(flow('to-agency', 'program')).rows).toEqual([['Alder', 'Alder Org', 1, 1, 0, 1, 3]]);
    expect(reportTable(flow('to-agency', 'network')).header.slice(0, 4)).toEqual([
      'From program',
      'From organization',
      'To program',
      'To organization',
    ]);
  });

  it('neutralizes a would-be formula in CSV text cells, leaves numbers and empty hours plain', async () => {
    const csv = await csvText(reportTable(flow('from-agency', 'program')));
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")","'=HYPERLINK(""x"") Org",1,1,0,1,3`);
    const delays = await csvText({ header: ['Median'], rows: [[null], [4.5]] });
    expect(delays).toBe('\uFEFFMedian\r\n\r\n4.5\r\n');
  });

  // A network's year is hundreds of thousands of program pairs: both files are written a thousand rows at a time.
  const long = { header: ['Program', 'Total'], rows: Array.from({ length: 2500 }, (_, i) => [`Program ${i}`, i]) };

  it('MT-15: a long CSV streams every row once, in order, across its chunks', async () => {
    const lines = (await csvText(long)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFProgram,Total');
    expect(lines.slice(1, -1)).toEqual(long.rows.map(([p, n]) => `${p},${n}`));
    expect(lines.at(-1)).toBe('');
  });

  it('MT-15: a long Excel sheet streams every row with its bold, frozen, filtered header; numbers stay numbers', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxStream(long, 'Referrals to agency, 2025')) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as never);
    expect(book.title).toBe('Referrals to agency, 2025');
    const sheet = book.getWorksheet('Report')!;
    expect(sheet.rowCount).toBe(2501);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Program', 'Total']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect((sheet.getRow(2501).values as unknown[]).slice(1)).toEqual(['Program 2499', 2499]);
  });

  it('MT-15: a report longer than an Excel sheet is refused for Excel, naming the field; CSV takes any length', () => {
    expect(() => assertFitsFormat('xlsx', XLSX_MAX_ROWS)).not.toThrow();
    expect(() => assertFitsFormat('xlsx', XLSX_MAX_ROWS + 1)).toThrow(/query.format: this report has 1,048,576 rows/);
    expect(() => assertFitsFormat('csv', 5_000_000)).not.toThrow();
  });

  it('names the file and the workbook after the report and its period', () => {
    expect(reportFileName({ kind: 'delays', from: '2025-01-01', to: '2025-03-31' }, 'xlsx')).toBe(
      'referrals-delays-2025-01-01-to-2025-03-31.xlsx',
    );
    expect(reportTitle({ kind: 'to-agency', from: '2025-01-01', to: '2025-03-31' })).toBe(
      'Referrals to agency, 2025-01-01 to 2025-03-31',
    );
  });

  it('takes a period of whole UTC days, at most 366, and refuses one ending before it starts', () => {
    expect(periodBounds({ from: '2025-03-01', to: '2025-03-31' })).toEqual({
      start: new Date('2025-03-01T00:00:00Z'),
      end: new Date('2025-04-01T00:00:00Z'),
    });
    expect(() => periodBounds({ from: '2024-01-01', to: '2024-12-31' })).not.toThrow();
    expect(() => periodBounds({ from: '2024-01-01', to: '2025-01-01' })).toThrow(/query.to: the period is at most/);
    expect(() => periodBounds({ from: '2025-03-02', to: '2025-03-01' })).toThrow(/must not be before/);
  });
});
