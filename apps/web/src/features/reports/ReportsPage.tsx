import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { todayIso } from '../../lib/format';
import { useCan } from '../session/useSession';
import { PeriodForm } from './PeriodForm';
import { REPORT_KINDS, reportFromParams, reportToParams } from './period';
import { ReportPanel } from './ReportPanel';
import { REPORTS } from './reportText';
import type { ReportKind } from './types';

/**
 * MT-15 referral reports for a period: delays, outcomes, from agency and to agency. The report and the
 * period live in the URL, so a report can be linked; each can be downloaded as CSV or Excel.
 */
export function ReportsPage() {
  const network = useCan()('network:manage');
  const [params, setParams] = useSearchParams();
  const { kind, period } = reportFromParams(params, todayIso());

  return (
    <Stack gap="lg">
      <PageHeader
        title="Reports"
        description={
          network
            ? 'Referrals of every program of the network, counted for a period.'
            : 'Referrals your program sent and received, counted for a period.'
        }
      />
      <PeriodForm applied={period} onApply={(p) => setParams(reportToParams(kind, p))} />
      <Tabs value={kind} onChange={(v) => v && setParams(reportToParams(v as ReportKind, period))} keepMounted={false}>
        <Tabs.List aria-label="Referral reports">
          {REPORT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {REPORTS[k].label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {REPORT_KINDS.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            {/* Keyed by the period: another period starts again at its first rows. */}
            <ReportPanel key={`${period.from}:${period.to}`} kind={k} period={period} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
