import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBan } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { useClient } from '../clients/queries';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { ConsentSummary } from './ConsentSummary';
import { validityText } from './consentText';
import { DocumentPanel } from './DocumentPanel';
import { useConsent } from './queries';
import { RevokeModal } from './RevokeModal';
import { SignaturePanel } from './SignaturePanel';
import type { Consent } from './types';

/** MT-9 / MT-10: one consent: what it releases, its signature, the signed form, revocation. */
export function ConsentPage() {
  const { id = '' } = useParams();
  const consent = useConsent(id);
  if (consent.data) return <ConsentView consent={consent.data} />;
  if (consent.error instanceof ApiError && consent.error.status === 404) {
    return (
      <Stack gap="sm">
        <PageHeader title="Consent not found" />
        <Text>No consent your program may see has this address. The link may be mistyped.</Text>
        <Anchor component={Link} to="/clients">
          Find a client
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader title="Consent" />
      <ErrorAlert error={consent.error} title="Could not load the consent" />
      {consent.isPending && <LoadingBlock label="Loading the consent" />}
    </Stack>
  );
}

function ConsentView({ consent: c }: { consent: Consent }) {
  const client = useClient(c.clientId).data;
  const clientName = client ? `${client.firstName} ${client.lastName}` : 'the client';
  const [revoking, revoke] = useDisclosure(false);
  const showUpload = c.status === 'awaiting_upload' || c.method === 'paper';
  return (
    <Stack gap="lg">
      <PageHeader
        title={client ? `Consent for ${clientName}` : 'Consent'}
        description={
          <>
            Created {formatDay(c.createdAt)} ·{' '}
            <Anchor component={Link} to={`/clients/${c.clientId}`}>
              {client ? `${clientName}’s profile` : 'The client’s profile'}
            </Anchor>
          </>
        }
        actions={
          c.canManage &&
          c.status === 'signed' && (
            <Button
              variant="outline"
              color="red.9"
              leftSection={<IconBan size={16} aria-hidden />}
              onClick={revoke.open}
            >
              Revoke
            </Button>
          )
        }
      />
      <Group gap="sm">
        <ConsentStatusBadge status={c.status} />
        <Text fw={600}>{validityText(c)}</Text>
      </Group>
      <ConsentSummary consent={c} />
      {c.canManage && c.status === 'pending' && <SignaturePanel consent={c} clientPhone={client?.phone ?? null} />}
      {showUpload && <DocumentPanel consent={c} />}
      <RevokeModal consent={c} opened={revoking} onClose={revoke.close} />
    </Stack>
  );
}
