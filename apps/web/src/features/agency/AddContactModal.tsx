import { Modal, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { post } from '../../lib/api';
import { orNull } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { announceOutcome, useEditsByRequest } from '../change-requests/editOutcome';
import { CONTACT_DETAIL_ERROR_FIELDS, ContactDetailsFields, detailBody, detailValues } from './ContactDetailsFields';
import { CONTACT_FIELDS, ContactFields, type ContactValues } from './ContactFields';
import { contactsKey } from './queries';

const EMPTY: ContactValues = { name: '', phone: '', title: '', roles: [], regions: [] };

export function AddContactModal({
  programId,
  opened,
  onClose,
}: {
  programId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add contact" size="lg">
      {opened && <AddContactForm programId={programId} onClose={onClose} />}
    </Modal>
  );
}

function AddContactForm({ programId, onClose }: { programId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [beginsOn, setBeginsOn] = useState('');
  const [values, setValues] = useState<ContactValues>(EMPTY);
  const [details, setDetails] = useState(() => detailValues(null));
  const byRequest = useEditsByRequest();

  const add = useMutation({
    mutationFn: () =>
      post<Contact>(`/api/programs/${programId}/contacts`, {
        email: email.trim(),
        name: values.name.trim(),
        phone: orNull(values.phone),
        title: orNull(values.title),
        roles: values.roles,
        regions: values.regions,
        ...(beginsOn ? { beginsOn } : {}),
        contact: detailBody(details, email.trim()),
      }),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(programId) });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      announceOutcome(answer, 'Contact added');
      onClose();
    },
  });
  const err = fieldErrorGetter(add.error);

  return (
    <SaveForm
      save={add}
      fields={['email', 'beginsOn', ...CONTACT_FIELDS, ...CONTACT_DETAIL_ERROR_FIELDS]}
      onCancel={onClose}
      submitLabel={byRequest ? 'Request change' : 'Save contact'}
    >
      <TextInput
        label="Provider portal email address"
        type="email"
        required
        autoComplete="off"
        description="If they already have a Portico account, this program is added to it."
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={err('email')}
        data-autofocus
      />
      <ContactFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} err={err} />
      <ContactDetailsFields values={details} onChange={setDetails} err={err} />
      <TextInput
        label="Begins on"
        type="date"
        description="Leave empty to start today."
        value={beginsOn}
        onChange={(e) => setBeginsOn(e.currentTarget.value)}
        error={err('beginsOn')}
      />
    </SaveForm>
  );
}
