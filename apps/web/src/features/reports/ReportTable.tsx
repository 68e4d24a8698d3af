import { Table, Text } from '@mantine/core';
import { REFERRAL_STATES } from '@portico/shared';
import { DataTable } from '../../components/DataTable';
import { flowSides, formatHours } from './reportText';
import type { DelayRow, FlowReport, OutcomeRow, ProgramRef, Report } from './types';

// Aligned like their headers (DataTable's headers are plain text); tabular digits keep the figures in line.
const Num = ({ value }: { value: number | string }) => (
  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Table.Td>
);

function ProgramCell({ program }: { program: ProgramRef }) {
  return (
    <Table.Td>
      {program.name}
      <Text size="sm" component="span" display="block">
        {program.organizationName}
      </Text>
    </Table.Td>
  );
}

function DelaysTable({ rows }: { rows: DelayRow[] }) {
  return (
    <DataTable
      minWidth={760}
      columns={[
        'Receiving program',
        'Referrals sent',
        'Acknowledged',
        'Not yet acknowledged',
        'Median time to acknowledge',
        '90th percentile',
      ]}
    >
      {rows.map((r) => (
        <Table.Tr key={r.program.id}>
          <ProgramCell program={r.program} />
          <Num value={r.referrals} />
          <Num value={r.acknowledged} />
          <Num value={r.unacknowledged} />
          <Num value={formatHours(r.medianHours)} />
          <Num value={formatHours(r.p90Hours)} />
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function OutcomesTable({ rows }: { rows: OutcomeRow[] }) {
  return (
    <DataTable minWidth={520} columns={['State', 'Service status or refusal reason', 'Referrals']}>
      {rows.map((r) => (
        <Table.Tr key={`${r.state}:${r.detail ?? ''}`}>
          <Table.Td>{r.stateLabel}</Table.Td>
          <Table.Td>{r.detailLabel ?? '—'}</Table.Td>
          <Num value={r.count} />
        </Table.Tr>
      ))}
    </DataTable>
  );
}

const STATES = ['sent', 'assigned', 'refused', 'closed'] as const;

function FlowsTable({ report }: { report: FlowReport }) {
  const sides = flowSides(report);
  return (
    <DataTable
      minWidth={sides.length * 220 + 520}
      columns={[
        ...sides.map((s) => (s === 'from' ? 'From program' : 'To program')),
        ...STATES.map((s) => REFERRAL_STATES[s]),
        'Total',
      ]}
    >
      {report.rows.map((r) => (
        <Table.Tr key={`${r.fromProgram.id}:${r.toProgram.id}`}>
          {sides.map((s) => (
            <ProgramCell key={s} program={s === 'from' ? r.fromProgram : r.toProgram} />
          ))}
          {STATES.map((s) => (
            <Num key={s} value={r[s]} />
          ))}
          <Num value={r.total} />
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The rows of a report: the accessible source of its chart, and what the downloads hold. */
export function ReportTable({ report }: { report: Report }) {
  if (report.kind === 'delays') return <DelaysTable rows={report.rows} />;
  if (report.kind === 'outcomes') return <OutcomesTable rows={report.rows} />;
  return <FlowsTable report={report} />;
}
