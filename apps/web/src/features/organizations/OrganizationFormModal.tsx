import { Modal, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { textBinder } from '../../components/textBinder';
import { patch, post } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Organization } from '../../lib/types';

const FIELDS = ['name', 'taxId', 'website', 'phone', 'email'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The organization to edit; without it a new one is added. */
  organization?: Organization;
  onSaved?: (saved: Organization) => void;
}

export function OrganizationFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.organization ? 'Edit organization' : 'Add organization'}
      size="lg"
    >
      {props.opened && <OrganizationForm {...props} />}
    </Modal>
  );
}

function OrganizationForm({ organization, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    name: organization?.name ?? '',
    taxId: organization?.taxId ?? '',
    website: organization?.website ?? '',
    phone: organization?.phone ?? '',
    email: organization?.email ?? '',
  });
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name.trim(),
        taxId: orNull(values.taxId),
        website: orNull(values.website),
        phone: orNull(values.phone),
        email: orNull(values.email),
      };
      return organization
        ? patch<Organization>(`/api/organizations/${organization.id}`, body)
        : post<Organization>('/api/organizations', body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['organization', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      notifications.show({ color: 'teal', message: organization ? 'Organization updated' : 'Organization added' });
      onSaved?.(saved);
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);
  const text = textBinder(values, set, err);

  return (
    <SaveForm save={save} fields={FIELDS} onCancel={onClose} submitLabel="Save organization">
      <TextInput label="Name" required {...text('name')} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Tax ID" {...text('taxId')} />
        <TextInput label="Website" type="url" placeholder="https://" {...text('website')} />
        <TextInput label="Phone" type="tel" {...text('phone')} />
        <TextInput label="Email" type="email" {...text('email')} />
      </SimpleGrid>
    </SaveForm>
  );
}
