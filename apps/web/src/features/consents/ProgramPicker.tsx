import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { DirectoryFilters } from '../directory/DirectoryFilters';
import type { FilterKey, Filters } from '../directory/filters';
import { useDirectorySearch } from '../directory/queries';
import type { DirectoryEntry } from '../directory/types';
import { useSession } from '../session/useSession';
import type { ConsentProgram } from './types';

interface Props {
  chosen: ConsentProgram[];
  onAdd: (program: ConsentProgram) => void;
  onRemove: (programId: string) => void;
  error?: string;
}

/** MT-9: receiving programs, found in the directory by county (telemedicine too), service, insurance or name. */
export function ProgramPicker({ chosen, onAdd, onRemove, error }: Props) {
  const acting = useSession().data?.acting;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Chosen programs
        </Title>
        <Text>Your program{acting ? ` (${acting.programName})` : ''} is always on the consent.</Text>
        {chosen.length === 0 ? (
          <Text>No other program chosen yet.</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {chosen.map((p) => (
              <Paper component="li" key={p.id} withBorder p="sm">
                <Group justify="space-between" gap="sm">
                  <Text>
                    <Text span fw={600}>
                      {p.name}
                    </Text>{' '}
                    · {p.organizationName}
                  </Text>
                  <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={() => onRemove(p.id)}>
                    Remove<span className="visually-hidden"> {p.name}</span>
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Find a program
        </Title>
        <DirectoryResults chosen={chosen} actingProgramId={acting?.programId} onAdd={onAdd} onRemove={onRemove} />
      </Stack>
    </Stack>
  );
}

function DirectoryResults({
  chosen,
  actingProgramId,
  onAdd,
  onRemove,
}: {
  actingProgramId: string | undefined;
} & Omit<Props, 'error'>) {
  const [filters, setFilters] = useState<Filters>({});
  const onChange = useCallback(
    (key: FilterKey, value: string | null) => setFilters((f) => ({ ...f, [key]: value?.trim() || undefined })),
    [],
  );
  const search = useDirectorySearch(filters);
  const rows = search.data?.pages.flatMap((p) => p.items) ?? [];
  const chosenIds = new Set(chosen.map((p) => p.id));

  return (
    <>
      <DirectoryFilters filters={filters} onChange={onChange} onClear={() => setFilters({})} />
      <section aria-label="Programs found" aria-busy={search.isFetching}>
        <ErrorAlert error={search.error} title="Could not search the directory" />
        {search.isPending && <LoadingBlock label="Searching the directory" />}
        {search.isSuccess && rows.length === 0 && <EmptyState>No programs match these filters.</EmptyState>}
        {rows.length > 0 && (
          <Text mb="xs" role="status">
            {rows.length === 1 ? '1 program' : `${rows.length} programs`}
            {search.hasNextPage ? ' shown, more below.' : '.'}
          </Text>
        )}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((entry) => (
            <ResultRow
              key={entry.id}
              entry={entry}
              own={entry.id === actingProgramId}
              added={chosenIds.has(entry.id)}
              onToggle={() =>
                chosenIds.has(entry.id)
                  ? onRemove(entry.id)
                  : onAdd({ id: entry.id, name: entry.name, organizationName: entry.organization.name })
              }
            />
          ))}
        </Stack>
        <LoadMore pages={search} />
      </section>
    </>
  );
}

interface RowProps {
  entry: DirectoryEntry;
  own: boolean;
  added: boolean;
  onToggle: () => void;
}

/** One program found; its button stays in place when pressed (Add ↔ Remove), so focus stays too. */
function ResultRow({ entry, own, added, onToggle }: RowProps) {
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={600}>{entry.name}</Text>
          <Text size="sm">
            {entry.organization.name}
            {entry.city ? ` · ${entry.city}` : ''}
            {entry.services.length > 0 && ` · ${entry.services.map((s) => s.name).join(', ')}`}
          </Text>
          <Group gap="xs">
            {entry.matchedByTelemedicine && <Badge color="indigo.8">Telemedicine</Badge>}
            {entry.referralStatus !== 'open' && (
              <Badge color="gray.8" variant="outline">
                Closed to referrals
              </Badge>
            )}
          </Group>
        </Stack>
        {own ? (
          <Text size="sm">Your program</Text>
        ) : (
          <Button
            variant={added ? 'subtle' : 'default'}
            leftSection={added ? <IconX size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
            onClick={onToggle}
          >
            {added ? 'Remove' : 'Add'}
            <span className="visually-hidden"> {entry.name}</span>
          </Button>
        )}
      </Group>
    </Paper>
  );
}
