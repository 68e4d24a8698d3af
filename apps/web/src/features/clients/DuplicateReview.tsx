import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format';
import { ConfirmCandidate } from './ConfirmCandidate';
import type { ProfileValues } from './profile';
import type { DuplicateCandidate } from './types';

interface Person {
  name: string;
  birthDate: string;
  phone: string;
  address: string;
}

const addressOf = (p: { addressLine?: string | null; city?: string | null; noFixedAddress?: boolean }) =>
  [p.noFixedAddress ? 'No fixed address' : p.addressLine, p.city].filter(Boolean).join(', ');

function PersonLines({ person }: { person: Person }) {
  return (
    <Stack gap={2}>
      <Text fw={600}>{person.name}</Text>
      <Text size="sm">Born {person.birthDate}</Text>
      <Text size="sm">Phone: {person.phone || 'none given'}</Text>
      <Text size="sm">Address: {person.address || 'none given'}</Text>
    </Stack>
  );
}

function CandidateCard({
  candidate,
  index,
  typed,
}: {
  candidate: DuplicateCandidate;
  index: number;
  typed: ProfileValues;
}) {
  const c = candidate.client;
  const headingId = `duplicate-${index}`;
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id={headingId}>
          {c ? `${c.firstName} ${c.lastName}` : 'Known to another program'}
        </Title>
        <Badge color="blue.9" tt="none">
          {Math.round(candidate.score * 100)}% match
        </Badge>
      </Group>
      {c && (
        <PersonLines
          person={{
            name: `${c.firstName} ${c.lastName}`,
            birthDate: formatDate(c.birthDate),
            phone: c.noPhone ? 'No phone' : (c.phone ?? ''),
            address: addressOf(c),
          }}
        />
      )}
      {!c && <Text size="sm">Their details are not shared with your program.</Text>}
      <Text size="sm" fw={600} mt="sm">
        Why it may be the same person
      </Text>
      <List size="sm">
        {candidate.reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
      {c && (
        <Anchor component={Link} to={`/clients/${c.id}`} mt="sm" display="inline-block">
          Use this client<span className="visually-hidden">: {`${c.firstName} ${c.lastName}`}</span>
        </Anchor>
      )}
      {!c && candidate.candidateToken && (
        <ConfirmCandidate
          token={candidate.candidateToken}
          index={index}
          typedName={{ firstName: typed.firstName, lastName: typed.lastName }}
        />
      )}
    </Paper>
  );
}

interface Props {
  candidates: DuplicateCandidate[];
  typed: ProfileValues;
  onConfirmNew: () => void;
  confirming: boolean;
}

/** MT-7: the likely duplicates side by side with what was typed; the user picks one or confirms a new person. */
export function DuplicateReview({ candidates, typed, onConfirmNew, confirming }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The review replaces a silent save: move focus to it so keyboard and screen-reader users notice.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper component="section" withBorder p="lg" bg="yellow.0" aria-labelledby="duplicates-heading">
      <Title order={2} size="h3" id="duplicates-heading" ref={heading} tabIndex={-1} mb="xs">
        This person may already be known
      </Title>
      <Text mb="md">
        Compare what you entered with {candidates.length === 1 ? 'this client' : 'these clients'}. Use an existing
        client, or confirm that this is a new person.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Paper component="article" withBorder p="md" aria-labelledby="duplicate-typed">
          <Title order={3} size="h5" id="duplicate-typed" mb="xs">
            What you entered
          </Title>
          <PersonLines
            person={{
              name: `${typed.firstName} ${typed.lastName}`.trim(),
              birthDate: formatDate(typed.birthDate),
              phone: typed.noPhone ? 'No phone' : typed.phone,
              address: addressOf(typed),
            }}
          />
        </Paper>
        {candidates.map((c, i) => (
          <CandidateCard key={c.client?.id ?? c.candidateToken ?? i} candidate={c} index={i} typed={typed} />
        ))}
      </SimpleGrid>
      <Group mt="md">
        <Button type="button" variant="outline" onClick={onConfirmNew} loading={confirming}>
          This is a new person
        </Button>
      </Group>
    </Paper>
  );
}
