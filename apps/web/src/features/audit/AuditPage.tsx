import { Anchor, Button, Code, Group, Paper, Select, Stack, Table, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { get } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { AuditEvent, Page } from '../../lib/types';
import { useUserChoices } from '../users/queries';

const ENTITY_TYPES = [
  { value: 'organization', label: 'Organization' },
  { value: 'program', label: 'Program' },
  { value: 'membership', label: 'Membership' },
  { value: 'user', label: 'User' },
  { value: 'network', label: 'Network' },
];

interface Filters {
  entityType: string;
  entityId: string;
  actorUserId: string;
}

function useAuditEvents(filters: Filters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam }) =>
      get<Page<AuditEvent>>('/api/audit-events', { ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** the trail of a record or of a user, newest first; the URL holds the filters so it can be linked. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied: Filters = {
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    actorUserId: params.get('actorUserId') ?? '',
  };
  const [draft, setDraft] = useState<Filters>(applied);
  const search = params.toString();

  // Links and back/forward change the URL; the form then shows what is applied.
  useEffect(() => {
    const p = new URLSearchParams(search);
    setDraft({
      entityType: p.get('entityType') ?? '',
      entityId: p.get('entityId') ?? '',
      actorUserId: p.get('actorUserId') ?? '',
    });
  }, [search]);
  const users = useUserChoices();
  const events = useAuditEvents(applied);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(applied.entityType || applied.entityId || applied.actorUserId);

  function apply(next: Filters) {
    setDraft(next);
    const entries = Object.entries(next).filter(([, v]) => v.trim() !== '');
    setParams(new URLSearchParams(entries.map(([k, v]) => [k, v.trim()])));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <Stack gap="lg">
      <PageHeader title="Audit log" description="Who did what, newest first." />
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Filter the audit log">
        <Group align="flex-end" gap="md">
          <Select
            label="Entity type"
            data={ENTITY_TYPES}
            clearable
            placeholder="Any"
            value={draft.entityType || null}
            onChange={(v) => setDraft((d) => ({ ...d, entityType: v ?? '' }))}
            w={200}
          />
          <TextInput
            label="Entity ID"
            value={draft.entityId}
            onChange={(e) => {
              // Read the value now: React may run the updater after the event's currentTarget is gone.
              const entityId = e.currentTarget.value;
              setDraft((d) => ({ ...d, entityId }));
            }}
            w={320}
          />
          <Select
            label="User"
            data={users.data ?? []}
            searchable
            clearable
            nothingFoundMessage="No user matches"
            placeholder={users.isPending ? 'Loading users…' : 'Anyone'}
            value={draft.actorUserId || null}
            onChange={(v) => setDraft((d) => ({ ...d, actorUserId: v ?? '' }))}
            w={320}
          />
          <Button type="submit">Apply filters</Button>
          {filtered && (
            <Button variant="default" onClick={() => apply({ entityType: '', entityId: '', actorUserId: '' })}>
              Clear filters
            </Button>
          )}
        </Group>
      </Paper>
      <ErrorAlert error={events.error} title="Could not load the audit log" />
      {events.isPending && <LoadingBlock label="Loading audit entries" />}
      {events.isSuccess && rows.length === 0 && (
        <EmptyState>{filtered ? 'No audit entries match these filters.' : 'No audit entries yet.'}</EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable minWidth={900} verticalSpacing="xs" columns={['Time', 'Who', 'Action', 'Entity', 'Request ID']}>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
              <Table.Td>{e.actorName ?? 'System'}</Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td>
                {e.entityId ? (
                  <Anchor
                    component={Link}
                    to={`/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`}
                    size="sm"
                    onClick={() => setDraft({ entityType: e.entityType, entityId: e.entityId ?? '', actorUserId: '' })}
                  >
                    {e.entityType} {e.entityId.slice(0, 8)}
                  </Anchor>
                ) : (
                  e.entityType
                )}
              </Table.Td>
              <Table.Td>
                <Code>{e.requestId ?? '—'}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={events} />
    </Stack>
  );
}
