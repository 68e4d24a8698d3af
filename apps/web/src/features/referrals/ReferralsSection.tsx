import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { formatDay } from '../../lib/format';
import { useClientConsents } from '../consents/queries';
import { useCan, useSession } from '../session/useSession';
import { useClientReferrals } from './queries';
import { TileBadge } from './ReferralBadges';
import { stateLabel } from './referralText';
import { referablePrograms, type TileState, tileState } from './tiles';
import type { ReferralProgram } from './types';

/** MT-11: one tile per program on the client's valid consents, with where its referral stands. */
export function ReferralsSection({ clientId }: { clientId: string }) {
  const consents = useClientConsents(clientId);
  const referrals = useClientReferrals(clientId);
  const actingProgramId = useSession().data?.acting?.programId ?? '';
  const programs = referablePrograms(consents.data?.items ?? [], actingProgramId);
  const loaded = consents.isSuccess && referrals.isSuccess;
  return (
    <Section
      id="client-referrals"
      title="Referrals"
      description={<Text size="sm">Each program on a signed consent with your program can receive a referral.</Text>}
    >
      <ErrorAlert error={consents.error} title="Could not load the consents" />
      <ErrorAlert error={referrals.error} title="Could not load the referrals" />
      {(consents.isPending || referrals.isPending) && <LoadingBlock label="Loading the referrals" />}
      {loaded && programs.length === 0 && (
        <EmptyState>A referral needs a signed consent naming the program.</EmptyState>
      )}
      {loaded && programs.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {programs.map((p) => (
            <ProgramTile
              key={p.id}
              clientId={clientId}
              program={p}
              state={tileState(p.id, actingProgramId, referrals.data.items)}
            />
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}

function ProgramTile({ clientId, program, state }: { clientId: string; program: ReferralProgram; state: TileState }) {
  const can = useCan();
  const mayStart = can('referrals:write') && (state.kind === 'not_started' || state.kind === 'closed');
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs" h="100%" justify="space-between">
        <div>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Title order={3} size="h5">
              {program.name}
            </Title>
            <TileBadge kind={state.kind} />
          </Group>
          <Text size="sm">{program.organizationName}</Text>
          {state.kind !== 'not_started' && (
            <Text size="sm" mt={4}>
              {stateLabel(state.referral.state)} · {formatDay(state.referral.sentAt ?? state.referral.createdAt)}
            </Text>
          )}
        </div>
        <Group gap="sm">
          {state.kind !== 'not_started' && (
            <Anchor component={Link} to={`/referrals/${state.referral.id}`} size="sm">
              Open the referral<span className="visually-hidden"> to {program.name}</span>
            </Anchor>
          )}
          {mayStart && (
            <Button
              component={Link}
              to={`/clients/${clientId}/referrals/new?programId=${encodeURIComponent(program.id)}`}
              size="xs"
              variant="default"
              leftSection={<IconSend size={14} aria-hidden />}
            >
              Start referral<span className="visually-hidden"> to {program.name}</span>
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
