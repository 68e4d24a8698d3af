import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { fieldErrorGetter } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { SaveForm } from '../../components/SaveForm';
import { ClientFields } from './ClientFields';
import { DuplicateReview } from './DuplicateReview';
import { bodyOf, PROFILE_FIELDS, type ProfileValues, prefillOf } from './profile';
import { clientKey, createClient } from './queries';
import type { DuplicateCandidate } from './types';

/** MT-7 / MT-8: a new client, prefilled from the search; likely duplicates are shown before anything is saved. */
export function NewClientPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>(() => prefillOf(params));
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const create = useMutation({
    mutationFn: (confirmNewPerson: boolean) =>
      createClient({ ...bodyOf(values), ...(confirmNewPerson && { confirmNewPerson: true }) }),
    onSuccess: (outcome) => {
      if ('duplicates' in outcome) {
        setDuplicates(outcome.duplicates);
        return;
      }
      queryClient.setQueryData(clientKey(outcome.created.id), outcome.created);
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
      notifications.show({ color: 'teal', message: 'Client created' });
      navigate(`/clients/${outcome.created.id}`);
    },
  });
  const err = fieldErrorGetter(create.error);

  return (
    <Stack gap="lg">
      <PageHeader
        title="New client"
        description="Legal name, date of birth and where the client lives are needed; the rest can follow."
      />
      <SaveForm
        save={{ mutate: () => create.mutate(false), error: create.error, isPending: create.isPending }}
        fields={PROFILE_FIELDS}
        submitLabel="Save client"
        onCancel={() => navigate('/clients')}
      >
        <ClientFields values={values} set={set} err={err} idPrefix="new-client" />
        {duplicates && (
          <DuplicateReview
            candidates={duplicates}
            typed={values}
            onConfirmNew={() => create.mutate(true)}
            confirming={create.isPending && create.variables === true}
          />
        )}
      </SaveForm>
    </Stack>
  );
}
