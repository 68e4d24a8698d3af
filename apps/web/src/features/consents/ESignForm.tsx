import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { post } from '../../lib/api';
import { useConsentAction } from './queries';
import type { Consent } from './types';

/** MT-10 e-signature: the authorizer types their full name and confirms they read the release. */
export function ESignForm({ consent }: { consent: Consent }) {
  const [signerName, setSignerName] = useState('');
  const [confirm, setConfirm] = useState(false);
  const sign = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/esign`, { signerName: signerName.trim(), confirm }),
    'Consent signed electronically',
  );
  const err = fieldErrorGetter(sign.error);
  const who = consent.authorizerName;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate();
      }}
      noValidate
    >
      <Stack gap="md" maw={560}>
        <FormError error={sign.error} fields={['signerName', 'confirm']} />
        <TextInput
          label={`Full name of ${who}`}
          description={`Typed by ${who} as their signature; it must match the name on the consent.`}
          required
          autoComplete="off"
          value={signerName}
          onChange={(e) => setSignerName(e.currentTarget.value)}
          error={err('signerName')}
        />
        <Checkbox
          label={`${who} read this release and agrees`}
          checked={confirm}
          onChange={(e) => setConfirm(e.currentTarget.checked)}
          error={err('confirm')}
        />
        <Group>
          <Button type="submit" loading={sign.isPending}>
            Sign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
