import { Anchor, Table, Text } from '@mantine/core';
import { COVERAGE_STATUSES, type CoverageStatus } from '@portico/shared';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import type { Client } from './types';

const statusLabel = (s: string) => COVERAGE_STATUSES[s as CoverageStatus] ?? s;

/** CI-1: the member ID with the coverage dates, type, status and product that are known. */
function Coverage({ c }: { c: Client }) {
  const dates =
    c.coverageStart || c.coverageEnd
      ? `${formatDate(c.coverageStart)} – ${c.coverageEnd ? formatDate(c.coverageEnd) : 'open'}`
      : null;
  const rest = [c.coverageType, c.coverageStatus && statusLabel(c.coverageStatus), c.product].filter(Boolean);
  if (!c.memberId && !dates && rest.length === 0) return <Text size="sm">None recorded</Text>;
  return (
    <>
      {c.memberId && <Text size="sm">{c.memberId}</Text>}
      {dates && <Text size="sm">{dates}</Text>}
      {rest.length > 0 && <Text size="sm">{rest.join(' · ')}</Text>}
    </>
  );
}

/** The clients found (MT-7), each linking to the profile. */
export function ClientResults({ clients }: { clients: Client[] }) {
  return (
    <DataTable minWidth={720} columns={['Name', 'Date of birth', 'City / county', 'Member ID and coverage']}>
      {clients.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/clients/${c.id}`} fw={600}>
              {c.firstName} {c.lastName}
            </Anchor>
          </Table.Td>
          <Table.Td>{formatDate(c.birthDate)}</Table.Td>
          <Table.Td>
            {[c.noFixedAddress ? 'No fixed address' : null, c.city, c.county].filter(Boolean).join(' · ') || '—'}
          </Table.Td>
          <Table.Td>
            <Coverage c={c} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
