import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { ConsentsSection } from '../consents/ConsentsSection';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { useCan } from '../session/useSession';
import { ClientProfile } from './ClientProfile';
import { CompletenessBadges } from './CompletenessBadge';
import { EditClient } from './EditClient';
import { MergeClient } from './MergeClient';
import { useClient } from './queries';

/** MT-8: one client's profile; the program edits it in place. */
export function ClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const can = useCan();
  const [editing, setEditing] = useState(false);

  if (client.error instanceof ApiError && client.error.status === 404) {
    return (
      <Stack gap="sm">
        <PageHeader title="Client not found" />
        <Text>
          No client your program may see has this address. The link may be mistyped, or the client was merged.
        </Text>
        <Anchor component={Link} to="/clients">
          Find a client
        </Anchor>
      </Stack>
    );
  }
  if (!client.data) {
    return (
      <Stack gap="lg">
        <ErrorAlert error={client.error} title="Could not load the client" />
        {client.isPending && <LoadingBlock label="Loading the client" />}
      </Stack>
    );
  }
  const c = client.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${c.firstName} ${c.lastName}`}
        actions={
          can('clients:write') &&
          !editing && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              Edit profile
            </Button>
          )
        }
      />
      {c.mergedIntoId && (
        <Alert color="orange" title="This record was merged">
          It is a duplicate of another client.{' '}
          <Anchor component={Link} to={`/clients/${c.mergedIntoId}`}>
            Open the client it was merged into
          </Anchor>
        </Alert>
      )}
      <CompletenessBadges completeness={c.completeness} />
      {editing ? <EditClient client={c} onDone={() => setEditing(false)} /> : <ClientProfile client={c} />}
      {can('consents:read') && <ConsentsSection clientId={c.id} />}
      {can('referrals:read') && !c.mergedIntoId && <ReferralsSection clientId={c.id} />}
      {can('network:manage') && !c.mergedIntoId && <MergeClient survivor={c} />}
    </Stack>
  );
}
