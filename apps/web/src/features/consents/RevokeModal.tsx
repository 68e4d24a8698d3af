import { Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { ReasonField } from '../../components/ReasonField';
import { SaveForm } from '../../components/SaveForm';
import { post } from '../../lib/api';
import { useConsentAction } from './queries';
import type { Consent } from './types';

/** MT-10: revoking ends the consent at once; the reason stays with it. */
export function RevokeModal({ consent, opened, onClose }: { consent: Consent; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Revoke the consent">
      {opened && <RevokeForm consent={consent} onClose={onClose} />}
    </Modal>
  );
}

function RevokeForm({ consent, onClose }: { consent: Consent; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const revoke = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/revoke`, { reason: reason.trim() }),
    'Consent revoked — the programs on it can no longer receive a referral with it',
  );
  const err = fieldErrorGetter(revoke.error);
  return (
    <SaveForm
      save={{
        mutate: () => revoke.mutate(undefined, { onSuccess: onClose }),
        error: revoke.error,
        isPending: revoke.isPending,
      }}
      fields={['reason']}
      onCancel={onClose}
      submitLabel="Revoke consent"
      danger
      disabled={!reason.trim()}
      intro={<Text>The consent stops at once. This cannot be undone; a new consent can be created later.</Text>}
    >
      <ReasonField
        description="Kept with the consent and shown to the programs on it."
        value={reason}
        onChange={setReason}
        error={err('reason')}
      />
    </SaveForm>
  );
}
