import { Anchor, Group, Table } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../lib/format';
import type { Box } from './filters';
import { ReferralStateBadge, StaleBadge } from './ReferralBadges';
import { clientName, serviceStatusLabel } from './referralText';
import type { ReferralSummary } from './types';

/** MT-14 / ND-1: one row per referral; the client's name opens it. */
export function ReferralTable({ box, rows }: { box: Box; rows: ReferralSummary[] }) {
  const sent = box === 'sent';
  return (
    <DataTable
      minWidth={900}
      verticalSpacing="xs"
      highlightOnHover
      columns={['Client', sent ? 'To program' : 'From program', 'State', 'Service status', 'Assigned to', 'Sent']}
    >
      {rows.map((r) => {
        const other = sent ? r.toProgram : r.fromProgram;
        return (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/referrals/${r.id}`} fw={600}>
                {clientName(r)}
                <span className="visually-hidden">
                  , referral {sent ? 'to' : 'from'} {other.name}
                </span>
              </Anchor>
            </Table.Td>
            <Table.Td>
              {other.name}
              <br />
              <span style={{ fontSize: 'var(--mantine-font-size-sm)' }}>{other.organizationName}</span>
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                <ReferralStateBadge state={r.state} />
                {r.stale && <StaleBadge />}
              </Group>
            </Table.Td>
            <Table.Td>{r.serviceStatus ? serviceStatusLabel(r.serviceStatus) : '—'}</Table.Td>
            <Table.Td>{r.assignee?.name ?? 'Not assigned'}</Table.Td>
            <Table.Td>{r.sentAt ? formatDay(r.sentAt) : 'Not sent'}</Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
