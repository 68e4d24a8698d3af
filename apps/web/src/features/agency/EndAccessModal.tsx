import { Alert, Modal, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { SaveForm } from '../../components/SaveForm';
import { patch } from '../../lib/api';
import { todayIso } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { announceOutcome, useEditsByRequest } from '../change-requests/editOutcome';
import { contactsKey } from './queries';

export function EndAccessModal({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  return (
    <Modal opened={contact !== null} onClose={onClose} title="End access">
      {contact && <EndAccessForm contact={contact} onClose={onClose} />}
    </Modal>
  );
}

/** ND-2: a contact's access ends on a date; today or earlier ends it at once, on their next request. */
function EndAccessForm({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [endsOn, setEndsOn] = useState(todayIso);
  const atOnce = endsOn !== '' && endsOn <= todayIso();

  const byRequest = useEditsByRequest();
  const end = useMutation({
    mutationFn: () => patch<unknown>(`/api/memberships/${contact.membershipId}`, { endsOn }),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: contactsKey(contact.programId) });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
      announceOutcome(answer, 'Access ended');
      onClose();
    },
  });
  const err = fieldErrorGetter(end.error);

  return (
    <SaveForm
      save={end}
      fields={['endsOn']}
      onCancel={onClose}
      submitLabel={byRequest ? 'Request change' : 'End access'}
      danger
      disabled={!endsOn}
      intro={
        <Text>
          End {contact.name}’s access to this program. Their account and their other programs are not affected.
        </Text>
      }
    >
      <TextInput
        label="Ends on"
        type="date"
        required
        value={endsOn}
        onChange={(e) => setEndsOn(e.currentTarget.value)}
        error={err('endsOn')}
        description="When the date is today or earlier, access ends at once. A later date ends it at the start of that day."
      />
      {byRequest && (
        <Alert color="blue" title="Needs the network team’s approval">
          The access ends when the network team accepts the request.
        </Alert>
      )}
      {atOnce && !byRequest && (
        <Alert color="yellow" title="Access ends at once">
          {contact.name} will be signed out of this program on their next action.
        </Alert>
      )}
    </SaveForm>
  );
}
