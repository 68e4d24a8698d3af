import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatDate } from '../../lib/format';
import { BarChart } from './BarChart';
import { chartOf } from './chart';
import { type Period, reportHref } from './period';
import { REPORT_PAGE_ROWS, useReferralReport } from './queries';
import { ReportTable } from './ReportTable';
import { excelRefusal, REPORTS, referralCount, rowsShown } from './reportText';
import type { ReportKind } from './types';

const DOWNLOADS = [
  { format: 'csv', label: 'Download CSV', Icon: IconFileTypeCsv },
  { format: 'xlsx', label: 'Download Excel', Icon: IconFileSpreadsheet },
] as const;

/** One MT-15 report for the period: what it counts, its picture, its table (a page at a time) and its downloads. */
export function ReportPanel({ kind, period }: { kind: ReportKind; period: Period }) {
  const [offset, setOffset] = useState(0);
  const query = useReferralReport(kind, period, offset);
  const report = query.data?.kind === kind ? query.data : undefined;
  const chart = report ? chartOf(report) : null;
  const range = `${formatDate(period.from)} to ${formatDate(period.to)}`;
  const noExcel = report ? excelRefusal(report.rowCount) : null;

  return (
    <Stack gap="md" aria-busy={query.isFetching}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text maw={640}>{REPORTS[kind].description}</Text>
        <Group gap="sm">
          {DOWNLOADS.filter((d) => d.format === 'csv' || !noExcel).map(({ format, label, Icon }) => (
            <Button
              key={format}
              component="a"
              href={reportHref(kind, period, format)}
              download
              variant="default"
              leftSection={<Icon size={16} aria-hidden />}
            >
              {label}
              <span className="visually-hidden">
                {' '}
                of {REPORTS[kind].label.toLowerCase()}, {range}
              </span>
            </Button>
          ))}
          {noExcel && (
            <Text size="sm" maw={260}>
              {noExcel}
            </Text>
          )}
        </Group>
      </Group>
      <ErrorAlert error={query.error} title="Could not load the report" />
      {query.isPending && <LoadingBlock label="Loading the report" />}
      {report && report.referrals === 0 && <EmptyState>No referral was sent in this period ({range}).</EmptyState>}
      {report && report.referrals > 0 && (
        <>
          <Text role="status">
            {referralCount(report.referrals)} sent from {range}
            {report.scope === 'network' ? ', every program of the network.' : '.'}
          </Text>
          {chart && <BarChart chart={chart} />}
          <ReportTable report={report} />
          <RowPager
            offset={offset}
            shown={report.rows.length}
            rowCount={report.rowCount}
            busy={query.isFetching}
            onMove={setOffset}
          />
        </>
      )}
    </Stack>
  );
}

/** Previous and next pages of a long report's rows (a network's year can hold thousands of program pairs). */
function RowPager(props: {
  offset: number;
  shown: number;
  rowCount: number;
  busy: boolean;
  onMove: (offset: number) => void;
}) {
  const { offset, shown, rowCount, busy, onMove } = props;
  const where = rowsShown(offset, shown, rowCount);
  if (!where) return null;
  return (
    <Group justify="space-between" gap="sm">
      <Text aria-live="polite">{where}</Text>
      <Group gap="sm">
        <Button
          variant="default"
          disabled={offset === 0 || busy}
          onClick={() => onMove(Math.max(0, offset - REPORT_PAGE_ROWS))}
        >
          Previous {REPORT_PAGE_ROWS} rows
        </Button>
        <Button
          variant="default"
          disabled={offset + shown >= rowCount || busy}
          onClick={() => onMove(offset + REPORT_PAGE_ROWS)}
        >
          Next {REPORT_PAGE_ROWS} rows
        </Button>
      </Group>
    </Group>
  );
}
