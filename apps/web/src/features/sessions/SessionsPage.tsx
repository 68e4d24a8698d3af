import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import type { SignedInSession } from '../../lib/types';
import { useEndSession, useEndSessions, useSessions } from './queries';
import { describeUserAgent } from './userAgent';

function SessionRow({ s, onEnd, ending }: { s: SignedInSession; onEnd: () => void; ending: boolean }) {
  const started = formatDateTime(s.createdAt);
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text span size="sm">
            {started}
          </Text>
          {s.current && (
            <Badge size="sm" color="teal.8">
              This session
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
      <Table.Td>{s.ip ?? 'Unknown'}</Table.Td>
      <Table.Td>{describeUserAgent(s.userAgent)}</Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="default"
          onClick={onEnd}
          loading={ending}
          aria-label={`Sign out session ${started}${s.current ? ' (this session)' : ''}`}
        >
          Sign out
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Where I am signed in; any session I do not recognise can be ended from here. */
export function SessionsPage() {
  const sessions = useSessions();
  const endOne = useEndSession();
  const endMany = useEndSessions();
  const rows = sessions.data ?? [];
  const others = rows.filter((s) => !s.current).length;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Signed-in sessions"
        description="Where you are signed in to Portico. Sign out of any session you do not recognise, then change your password."
        actions={
          <>
            <Button
              leftSection={<IconLogout size={16} aria-hidden />}
              disabled={others === 0}
              loading={endMany.isPending && endMany.variables}
              onClick={() => endMany.mutate(true)}
            >
              Sign out everywhere else
            </Button>
            <Button
              variant="default"
              loading={endMany.isPending && !endMany.variables}
              onClick={() => endMany.mutate(false)}
            >
              Sign out everywhere
            </Button>
          </>
        }
      />
      <ErrorAlert error={sessions.error} title="Could not load your sessions" />
      <ErrorAlert error={endOne.error ?? endMany.error} title="Could not sign out" />
      {sessions.isPending && <LoadingBlock label="Loading sessions" />}
      {sessions.isSuccess && rows.length === 0 && <EmptyState>No signed-in sessions.</EmptyState>}
      {rows.length > 0 && (
        <DataTable
          minWidth={720}
          verticalSpacing="sm"
          columns={['Started', 'Last active', 'IP address', 'Browser']}
          hiddenColumns={['Actions']}
        >
          {rows.map((s) => (
            <SessionRow
              key={s.id}
              s={s}
              onEnd={() => endOne.mutate(s)}
              ending={endOne.isPending && endOne.variables?.id === s.id}
            />
          ))}
        </DataTable>
      )}
      {sessions.isSuccess && others === 0 && rows.length > 0 && (
        <Text size="sm">You are not signed in anywhere else.</Text>
      )}
    </Stack>
  );
}
