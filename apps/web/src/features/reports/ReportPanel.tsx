import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { formatDate } from '../../lib/format';
import { BarChart } from './BarChart';
import { chartOf } from './chart';
import { type Period, reportHref } from './period';
import { useReferralReport } from './queries';
import { ReportTable } from './ReportTable';
import { REPORTS, referralCount } from './reportText';
import type { ReportKind } from './types';

const DOWNLOADS = [
  { format: 'csv', label: 'Download CSV', Icon: IconFileTypeCsv },
  { format: 'xlsx', label: 'Download Excel', Icon: IconFileSpreadsheet },
] as const;

/** One MT-15 report for the period: what it counts, its picture, its table and its downloads. */
export function ReportPanel({ kind, period }: { kind: ReportKind; period: Period }) {
  const query = useReferralReport(kind, period);
  const report = query.data?.kind === kind ? query.data : undefined;
  const chart = report ? chartOf(report) : null;
  const range = `${formatDate(period.from)} to ${formatDate(period.to)}`;

  return (
    <Stack gap="md" aria-busy={query.isFetching}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Text maw={640}>{REPORTS[kind].description}</Text>
        <Group gap="sm">
          {DOWNLOADS.map(({ format, label, Icon }) => (
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
        </>
      )}
    </Stack>
  );
}
