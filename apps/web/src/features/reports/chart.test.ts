import { describe, expect, it } from 'vitest';
import { chartOf, MAX_BARS, segmentWidths } from './chart';
import { excelRefusal, flowSides, formatHours, rowsShown } from './reportText';
import type { FlowRow, Report } from './types';

const head = { from: '2025-01-01', to: '2025-03-31', scope: 'program' as const, rowCount: 2 };
const program = (id: string, name: string) => ({ id, name, organizationName: `${name} Org` });
const flow = (to: string, counts: Partial<FlowRow>): FlowRow => ({
  fromProgram: program('a', 'Alder House'),
  toProgram: program(to, `Program ${to}`),
  sent: 0,
  assigned: 0,
  refused: 0,
  closed: 0,
  total: 0,
  ...counts,
});

describe('report charts (MT-15)', () => {
  it('draws delays as the 90th percentile with the median as its first part, and says both', () => {
    const report: Report = {
      ...head,
      kind: 'delays',
      referrals: 7,
      rows: [
        {
          program: program('b', 'Birch Clinic'),
          referrals: 6,
          acknowledged: 5,
          unacknowledged: 1,
          medianHours: 4,
          p90Hours: 22,
        },
        {
          program: program('c', 'Cedar'),
          referrals: 1,
          acknowledged: 0,
          unacknowledged: 1,
          medianHours: null,
          p90Hours: null,
        },
      ],
    };
    const chart = chartOf(report)!;
    expect(chart.bars).toEqual([
      {
        id: 'b',
        label: 'Birch Clinic',
        values: [4, 18],
        text: '4 h / 22 h',
        spoken: 'median 4 h, 90th percentile 22 h',
      },
    ]);
    expect(chart.summary).toBe(
      'Hours to answer a referral, by receiving program. Birch Clinic: median 4 h, 90th percentile 22 h.',
    );
    expect(chartOf({ ...report, rows: [report.rows[1]!] })).toBeNull();
  });

  it('colours outcomes and flows by state and puts the counts in words', () => {
    const outcomes = chartOf({
      ...head,
      kind: 'outcomes',
      referrals: 3,
      rows: [
        { state: 'sent', stateLabel: 'Sent, not yet assigned', detail: null, detailLabel: null, count: 1 },
        { state: 'refused', stateLabel: 'Refused', detail: 'no_capacity', detailLabel: 'No capacity', count: 2 },
      ],
    })!;
    expect(outcomes.bars.map((b) => [b.label, b.values])).toEqual([
      ['Sent, not yet assigned', [1, 0, 0, 0]],
      ['Refused: No capacity', [0, 0, 2, 0]],
    ]);
    const flows = chartOf({
      ...head,
      kind: 'from-agency',
      referrals: 6,
      rows: [flow('b', { sent: 1, assigned: 2, refused: 2, closed: 1, total: 6 })],
    })!;
    expect(flows.bars[0]).toMatchObject({ label: 'Program b', values: [1, 2, 2, 1], text: '6' });
    expect(flows.summary).toBe(
      'Referrals sent, by receiving program and state. Program b: 6 referrals (1 awaiting an answer, 2 assigned, 2 refused, 1 closed).',
    );
  });

  it('names both programs for the network, and sends the bars past the limit to the table', () => {
    const rows = Array.from({ length: MAX_BARS + 3 }, (_, i) => flow(`p${i}`, { sent: 1, total: 1 }));
    const chart = chartOf({ ...head, scope: 'network', kind: 'to-agency', referrals: rows.length, rows })!;
    expect(chart.bars).toHaveLength(MAX_BARS);
    expect(chart.bars[0]!.label).toBe('Alder House → Program p0');
    expect(chart.summary).toMatch(/; and 3 more in the table\.$/);
    expect(flowSides({ kind: 'to-agency', scope: 'program' })).toEqual(['from']);
    expect(flowSides({ kind: 'from-agency', scope: 'program' })).toEqual(['to']);
  });

  it('sizes segments against the longest bar, and writes hours readably', () => {
    const bars = [
      { id: 'a', label: 'A', values: [2, 2], text: '', spoken: '' },
      { id: 'b', label: 'B', values: [1, 0], text: '', spoken: '' },
    ];
    expect(segmentWidths(bars)).toEqual([
      [50, 50],
      [25, 0],
    ]);
    expect(segmentWidths([{ id: 'z', label: 'Z', values: [0], text: '', spoken: '' }])).toEqual([[0]]);
    expect(formatHours(4)).toBe('4 h');
    expect(formatHours(22.25)).toBe('22.3 h');
    expect(formatHours(60)).toBe('60 h (2.5 days)');
    expect(formatHours(60, true)).toBe('60 h');
    expect(formatHours(null)).toBe('—');
  });

  it('MT-15: says which rows of a long report the page shows, and nothing when one page holds them all', () => {
    expect(rowsShown(0, 3, 3)).toBeNull();
    expect(rowsShown(0, 100, 1972)).toBe('Rows 1–100 of 1,972. The downloads hold every row.');
    expect(rowsShown(1900, 72, 1972)).toBe('Rows 1,901–1,972 of 1,972. The downloads hold every row.');
    expect(rowsShown(2000, 0, 1972)).toBe('No rows here: the report has 1,972.');
  });

  it('MT-15: a report longer than an Excel sheet offers CSV only, and says why', () => {
    expect(excelRefusal(1_048_575)).toBeNull();
    expect(excelRefusal(1_048_576)).toBe(
      '1,048,576 rows are more than an Excel sheet holds: download CSV, or choose a shorter period.',
    );
  });
});
