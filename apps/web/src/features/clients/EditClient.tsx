import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { patch } from '../../lib/api';
import { ClientFields } from './ClientFields';
import { bodyOf, PROFILE_FIELDS, type ProfileValues, valuesOf } from './profile';
import { clientKey } from './queries';
import type { Client } from './types';

/** MT-8: the profile edited in place (on the client's page, and on the consent form it prefills); audited by the server. */
export function EditClient({ client, onDone }: { client: Client; onDone: () => void }) {
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
