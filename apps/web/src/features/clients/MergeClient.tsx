import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { post } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useClientSearch } from './queries';
import type { Client } from './types';

/**
 * MT-7 (network administrator): find the duplicate record of this person and merge it in. Its consents
 * move here; the merge can be undone for 30 days on the Client merges page.
 */
export function MergeClient({ survivor }: { survivor: Client }) {
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Client | null>(null);
  const found = useClientSearch(search ? { q: search } : {});
  const candidates = (found.data?.items ?? [])
    .map((i) => i.client)
    .filter((c) => c.id !== survivor.id && !c.mergedIntoId);
  const merge = useMutation({
    mutationFn: (duplicate: Client) => post(`/api/clients/${survivor.id}/merge`, { mergedId: duplicate.id }),
    onSuccess: async (_, duplicate) => {
      setChosen(null);
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      await queryClient.invalidateQueries({ queryKey: ['client-merges'] });
      notifications.show({
        color: 'green',
        title: 'Clients merged',
        message: `${duplicate.firstName} ${duplicate.lastName}'s records now belong to this client. Undo on Client merges within 30 days.`,
      });
    },
  });
  const name = `${survivor.firstName} ${survivor.lastName}`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="merge-heading">
      <Title order={2} size="h4" id="merge-heading" mb="xs">
        Merge a duplicate into this client
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <Group align="end">
          <TextInput
            label="Find the duplicate by name"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            minLength={2}
          />
          <Button type="submit" variant="default">
            Find
          </Button>
        </Group>
      </form>
      <ErrorAlert error={found.error} title="Could not search" />
      {search && found.data && !candidates.length && <EmptyState>No other client matches “{search}”.</EmptyState>}
      <Stack gap="xs" mt="sm">
        {candidates.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {c.firstName} {c.lastName}, born {formatDate(c.birthDate)}
              {c.phone ? `, ${c.phone}` : ''}
            </Text>
            <Button size="xs" variant="outline" onClick={() => setChosen(c)}>
              Merge into {name}
            </Button>
          </Group>
        ))}
      </Stack>
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} title="Merge these clients?">
        {chosen && (
          <Stack>
            <Text>
              {chosen.firstName} {chosen.lastName} (born {formatDate(chosen.birthDate)}) will be merged into {name}{' '}
              (born {formatDate(survivor.birthDate)}). Every consent of the duplicate moves to {name}. You can undo this
              for 30 days.
            </Text>
            <ErrorAlert error={merge.error} title="Could not merge" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)}>
                Cancel
              </Button>
              <Button color="red" loading={merge.isPending} onClick={() => merge.mutate(chosen)}>
                Merge
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
