import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { CONSENT_METHODS } from '@portico/shared';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Section } from '../../components/Section';
import { formatDay } from '../../lib/format';
import { useCan } from '../session/useSession';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { incompleteText } from './consentText';
import { useClientConsents } from './queries';
import type { Consent } from './types';

/** MT-9: the client's consents on their profile, newest first; a referral needs a valid one. */
export function ConsentsSection({ clientId }: { clientId: string }) {
  const consents = useClientConsents(clientId);
  const can = useCan();
  const items = consents.data?.items ?? [];
  return (
    <Section
      id="client-consents"
      title="Consents"
      action={
        can('consents:write') && (
          <Button
            component={Link}
            to={`/clients/${clientId}/consents/new`}
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            New consent
          </Button>
        )
      }
    >
      <ErrorAlert error={consents.error} title="Could not load the consents" />
      {consents.isPending && <LoadingBlock label="Loading the consents" />}
      {consents.isSuccess && items.length === 0 && (
        <EmptyState>No consent yet. A referral needs a signed consent naming the receiving program.</EmptyState>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <ConsentItem key={c.id} consent={c} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ConsentItem({ consent: c }: { consent: Consent }) {
  const programs = c.programs.map((p) => p.name).join(', ') || 'Your program';
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Anchor component={Link} to={`/consents/${c.id}`} fw={600}>
            {programs}
          </Anchor>
          <Text size="sm">
            {c.signedAt ? `Signed ${formatDay(c.signedAt)}` : `Created ${formatDay(c.createdAt)}, not signed`}
            {c.expiresAt && ` · expires ${formatDay(c.expiresAt)}`}
            {c.method && ` · ${CONSENT_METHODS[c.method] ?? c.method}`}
          </Text>
          {/* A pending consent's badge already says it waits; the hint is for what is left after signing. */}
          {!c.complete && c.status !== 'pending' && (
            <Text size="sm" c="red.9" fw={600}>
              {incompleteText(c)}
            </Text>
          )}
        </Stack>
        <ConsentStatusBadge status={c.status} />
      </Group>
    </Paper>
  );
}
