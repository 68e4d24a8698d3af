import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorGetter } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { SaveForm } from '../../components/SaveForm';
import { ApiError, patch } from '../../lib/api';
import { ConsentsSection } from '../consents/ConsentsSection';
import { useCan } from '../session/useSession';
import { ClientFields } from './ClientFields';
import { ClientProfile } from './ClientProfile';
import { CompletenessBadges } from './CompletenessBadge';
import { MergeClient } from './MergeClient';
import { bodyOf, PROFILE_FIELDS, type ProfileValues, valuesOf } from './profile';
import { clientKey, useClient } from './queries';
import type { Client } from './types';

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
      {can('network:manage') && !c.mergedIntoId && <MergeClient survivor={c} />}
    </Stack>
  );
}

function EditClient({ client, onDone }: { client: Client; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>(() => valuesOf(client));
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => patch<Client>(`/api/clients/${client.id}`, bodyOf(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(clientKey(client.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
      notifications.show({ color: 'teal', message: 'Saved' });
      onDone();
    },
  });
  return (
    <SaveForm save={save} fields={PROFILE_FIELDS} submitLabel="Save profile" onCancel={onDone}>
      <ClientFields values={values} set={set} err={fieldErrorGetter(save.error)} idPrefix="edit-client" />
    </SaveForm>
  );
}
