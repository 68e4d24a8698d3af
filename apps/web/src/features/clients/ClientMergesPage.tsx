import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { get, post } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Client } from './types';

interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedAt: string;
  undoneAt: string | null;
  undoUntil: string;
  canUndo: boolean;
  survivor: Client | null;
  merged: Client | null;
}

const nameOf = (c: Client | null) => (c ? `${c.firstName} ${c.lastName}` : 'Unknown client');

/** MT-7: the network's merges; each can be undone for 30 days (network administrator). */
export function ClientMergesPage() {
  const queryClient = useQueryClient();
  const merges = useQuery({
    queryKey: ['client-merges'],
    queryFn: () => get<{ items: Merge[] }>('/api/client-merges'),
  });
  const undo = useMutation({
    mutationFn: (m: Merge) => post(`/api/client-merges/${m.id}/undo`),
    onSuccess: async (_, m) => {
      await queryClient.invalidateQueries({ queryKey: ['client-merges'] });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      notifications.show({
        color: 'green',
        title: 'Merge undone',
        message: `${nameOf(m.merged)} is a separate client again.`,
      });
    },
  });
  const items = merges.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title="Client merges" />
      <Text>Merges of duplicate clients in your network. A merge can be undone for 30 days.</Text>
      <ErrorAlert error={merges.error ?? undo.error} title="Something went wrong" />
      {merges.isPending && <LoadingBlock label="Loading merges" />}
      {merges.data && !items.length && (
        <EmptyState>No clients have been merged. Merge a duplicate from the surviving client’s page.</EmptyState>
      )}
      {items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kept</Table.Th>
              <Table.Th>Merged into it</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Undo</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Link to={`/clients/${m.survivorId}`}>{nameOf(m.survivor)}</Link>
                </Table.Td>
                <Table.Td>{nameOf(m.merged)}</Table.Td>
                <Table.Td>{formatDate(m.mergedAt)}</Table.Td>
                <Table.Td>
                  {m.undoneAt ? (
                    <Badge color="gray.7">Undone {formatDate(m.undoneAt)}</Badge>
                  ) : m.canUndo ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={undo.isPending && undo.variables?.id === m.id}
                      onClick={() => undo.mutate(m)}
                    >
                      Undo (until {formatDate(m.undoUntil)})
                    </Button>
                  ) : (
                    <Text size="sm">No longer possible</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
