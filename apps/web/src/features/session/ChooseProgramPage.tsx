import {
  Alert,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { roleLabel } from '@portico/shared';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';
import { errorDetail, put } from '../../lib/api';
import type { MembershipSummary, Session } from '../../lib/types';
import classes from './ChooseProgramPage.module.css';
import { SESSION_KEY, useSession } from './useSession';
import { useSignOut } from './useSignOut';

function matches(m: MembershipSummary, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [m.programName, m.organizationName, m.networkName].some((s) => s.toLowerCase().includes(q));
}

/** MT-5: a user who belongs to several programs says which one they act as. */
export function ChooseProgramPage() {
  usePageTitle('Choose program');
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [search, setSearch] = useState('');

  const choose = useMutation({
    mutationFn: (programId: string) => put<Session>('/api/session/program', { programId }),
    onSuccess: (next) => {
      // Everything cached belonged to the previous program.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
      navigate('/agency');
    },
  });

  const memberships = session?.memberships ?? [];
  const shown = memberships.filter((m) => matches(m, search));

  return (
    <Box component="main" id="main-content" mih="100vh" bg="gray.0" py={48} px="md">
      <Container size="sm">
        <Stack gap="lg">
          <Group justify="space-between">
            <Text fw={800} size="xl" c="teal.9">
              Portico
            </Text>
            <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
          <Title order={1}>Choose the program you act as</Title>
          <Text>
            {session ? `Signed in as ${session.user.name}. ` : ''}
            What you see and can change depends on the program you act as. You can switch later.
          </Text>
          {choose.isError && (
            <Alert color="red" title="Could not switch program" role="alert">
              {errorDetail(choose.error)}
            </Alert>
          )}
          <TextInput
            label="Search programs"
            description="Program, organization or network name"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          {memberships.length === 0 && (
            <Alert color="yellow" title="No active program">
              Your account has no active program membership. Ask your administrator to add you to a program.
            </Alert>
          )}
          {memberships.length > 0 && shown.length === 0 && <Text>No program matches “{search}”.</Text>}
          <Stack gap="sm" component="ul" className={classes.list}>
            {shown.map((m) => {
              const current = session?.acting?.programId === m.programId;
              return (
                <li key={m.membershipId}>
                  <UnstyledButton
                    className={classes.choice}
                    onClick={() => choose.mutate(m.programId)}
                    disabled={choose.isPending}
                    aria-current={current ? 'true' : undefined}
                  >
                    <Paper withBorder p="md" className={classes.card}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <div>
                          <Text fw={700} size="lg">
                            {m.programName}
                          </Text>
                          <Text size="sm">{m.organizationName}</Text>
                          <Text size="sm">{m.networkName}</Text>
                        </div>
                        {current && <Badge variant="light">Acting now</Badge>}
                      </Group>
                      <Group gap={6} mt="xs">
                        {m.roles.map((r) => (
                          <Badge key={r} variant="outline" color="gray.8">
                            {roleLabel(r)}
                          </Badge>
                        ))}
                      </Group>
                    </Paper>
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        </Stack>
      </Container>
    </Box>
  );
}
