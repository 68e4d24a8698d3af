import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { patch } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { CONTACT_FIELDS, ContactFields, type ContactValues } from './ContactFields';
import { contactsKey } from './queries';

export function EditContactModal({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  return (
    <Modal opened={contact !== null} onClose={onClose} title="Edit contact" size="lg">
      {contact && <EditContactForm contact={contact} onClose={onClose} />}
    </Modal>
  );
}

function EditContactForm({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ContactValues>({
    name: contact.name,
    phone: contact.phone ?? '',
    title: contact.title ?? '',
    roles: contact.roles,
    regions: contact.regions,
  });

  const save = useMutation({
    mutationFn: () =>
      patch<Contact>(`/api/memberships/${contact.membershipId}`, {
        name: values.name.trim(),
        phone: orNull(values.phone),
        title: orNull(values.title),
        roles: values.roles,
        regions: values.regions,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(contact.programId) });
      // The acting user may have changed their own name or roles.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      notifications.show({ color: 'teal', message: 'Contact updated' });
      onClose();
    },
  });
  const err = fieldErrorGetter(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{contact.email}</Text>
        <FormError error={save.error} fields={CONTACT_FIELDS} />
        <ContactFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} err={err} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
