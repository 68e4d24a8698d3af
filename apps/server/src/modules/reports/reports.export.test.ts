import { describe, expect, it } from 'vitest';
import { reportFileName, reportTable, reportTitle, toCsv } from './reports.export.js';
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

  it('neutralizes a would-be formula in CSV text cells, leaves numbers and empty hours plain', () => {
    const csv = toCsv(reportTable(flow('from-agency', 'program'))).toString('utf8');
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")","'=HYPERLINK(""x"") Org",1,1,0,1,3`);
    const delays = toCsv({ header: ['Median'], rows: [[null], [4.5]] }).toString('utf8');
    expect(delays).toBe('\uFEFFMedian\r\n\r\n4.5\r\n');
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
