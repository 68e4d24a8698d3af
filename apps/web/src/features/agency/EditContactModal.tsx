import { Modal, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { orNull } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { announceOutcome, patchChanges, useEditsByRequest } from '../change-requests/editOutcome';
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
      return patchChanges<unknown>(`/api/memberships/${contact.membershipId}`, body(values, details), before);
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

  return (
    <SaveForm
      save={save}
      fields={[...CONTACT_FIELDS, ...CONTACT_DETAIL_ERROR_FIELDS]}
      onCancel={onClose}
      submitLabel={byRequest ? 'Request change' : 'Save changes'}
      intro={<Text>Provider portal email address: {contact.email}</Text>}
    >
      <ContactFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} err={err} />
      <ContactDetailsFields values={details} onChange={setDetails} err={err} />
    </SaveForm>
  );
}
