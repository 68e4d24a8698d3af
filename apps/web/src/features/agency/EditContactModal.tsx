import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { patch } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { announceOutcome, changedOnly, useEditsByRequest } from '../change-requests/editOutcome';
import { CONTACT_DETAIL_ERROR_FIELDS, ContactDetailsFields, detailBody, detailValues } from './ContactDetailsFields';
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

  const [details, setDetails] = useState(() => detailValues(contact.contact));
  const byRequest = useEditsByRequest();

  const save = useMutation({
    mutationFn: async () => {
      const body = (v: ContactValues, d: typeof details) => ({
        name: v.name.trim(),
        phone: orNull(v.phone),
        title: orNull(v.title),
        roles: v.roles,
        regions: v.regions,
        contact: detailBody(d, contact.email),
      });
      const before = body(
        {
          name: contact.name,
          phone: contact.phone ?? '',
          title: contact.title ?? '',
          roles: contact.roles,
          regions: contact.regions,
        },
        detailValues(contact.contact),
      );
      // Only what changed is sent: a change request then shows just those fields.
      const changes = changedOnly(body(values, details), before);
      return Object.keys(changes).length ? patch<unknown>(`/api/memberships/${contact.membershipId}`, changes) : null;
    },
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(contact.programId) });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      // The acting user may have changed their own name or roles.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      announceOutcome(answer, answer === null ? 'Nothing changed' : 'Contact updated');
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
        <Text>Provider portal email address: {contact.email}</Text>
        <FormError error={save.error} fields={[...CONTACT_FIELDS, ...CONTACT_DETAIL_ERROR_FIELDS]} />
        <ContactFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} err={err} />
        <ContactDetailsFields values={details} onChange={setDetails} err={err} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {byRequest ? 'Request change' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
