import { Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { CHANGE_REQUEST_KINDS, CHANGE_REQUEST_STATUSES } from '@portico/shared';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../session/useSession';
import { ChangeRequestDrawer } from './ChangeRequestDrawer';
import { type ChangeRequestFilters, useChangeRequests } from './queries';
import { StatusBadge } from './StatusBadge';

const options = (codes: Record<string, string>) => Object.entries(codes).map(([value, label]) => ({ value, label }));

/** NCC-5: change requests — the organization's own, or the network's for the network team. */
export function ChangeRequestsPage() {
  const can = useCan();
  const team = can('network:manage');
  const [filters, setFilters] = useState<ChangeRequestFilters>({
    status: '',
    includeHistorical: false,
    kind: '',
    from: '',
    to: '',
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useChangeRequests(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const open = rows.find((r) => r.id === openId) ?? null;
  const set = (next: Partial<ChangeRequestFilters>) => setFilters((f) => ({ ...f, ...next }));

  return (
    <Stack gap="lg">
      <PageHeader
        title="Change requests"
        description={
          team
            ? 'Changes providers asked for. Accept to apply one, or reject it with a reason.'
            : 'Changes to your organisation, services and contacts wait here for the network team.'
        }
      />
      <Paper withBorder p="md" component="section" aria-label="Filter change requests">
        <Group align="flex-end" gap="md">
          <Select
            label="Status"
            placeholder={filters.includeHistorical ? 'Any status' : 'Pending'}
            data={options(CHANGE_REQUEST_STATUSES)}
            value={filters.status || null}
            onChange={(v) => set({ status: v ?? '' })}
            clearable
          />
          <Select
            label="Kind"
            placeholder="Any kind"
            data={options(CHANGE_REQUEST_KINDS)}
            value={filters.kind || null}
            onChange={(v) => set({ kind: v ?? '' })}
            clearable
          />
          <TextInput
            label="From"
            type="date"
            value={filters.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
          <TextInput label="To" type="date" value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
          <Switch
            label="Include historical"
            description="Accepted, rejected and withdrawn"
            checked={filters.includeHistorical}
            onChange={(e) => set({ includeHistorical: e.currentTarget.checked })}
          />
        </Group>
      </Paper>
      {list.isPending && <LoadingBlock label="Loading change requests" />}
      <ErrorAlert error={list.error} title="Could not load the change requests" />
      {list.isSuccess && rows.length === 0 && (
        <EmptyState>
          {filters.includeHistorical || filters.status
            ? 'No change requests match these filters.'
            : 'No pending change requests. Turn on “Include historical” to see decided ones.'}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable
          minWidth={720}
          highlightOnHover
          columns={['Requested', 'Kind', 'Organisation / service', 'Requested by', 'Status']}
          hiddenColumns={['Actions']}
        >
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.requestedAt)}</Table.Td>
              <Table.Td>{CHANGE_REQUEST_KINDS[r.kind]}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.organizationName}</Text>
                {r.programName && (
                  <Text size="sm" c="dimmed">
                    {r.programName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.requestedByName}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={() => setOpenId(r.id)}>
                  View
                  <span className="visually-hidden">
                    {' '}
                    {CHANGE_REQUEST_KINDS[r.kind]} of {formatDateTime(r.requestedAt)}
                  </span>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={list} />
      <ChangeRequestDrawer request={open} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
