import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { post } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { useConsentAction } from './queries';
import type { Consent } from './types';

/** MT-10 paper: print the prefilled form, have it signed, record who signed when; the scan follows. */
export function PaperSignForm({ consent }: { consent: Consent }) {
  const [signerName, setSignerName] = useState(consent.authorizerName);
  const [signedOn, setSignedOn] = useState(todayIso);
  const mark = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/paper`, { signerName: signerName.trim(), signedOn }),
    'Marked as signed on paper — now upload the signed form',
  );
  const err = fieldErrorGetter(mark.error);
  return (
    <Stack gap="md" maw={560}>
      <Text>Print the form, filled in with this consent, and have {consent.authorizerName} sign it.</Text>
      <Group>
        <Button
          component="a"
          href={`/api/consents/${consent.id}/form.pdf`}
          target="_blank"
          rel="noreferrer"
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
        >
          Print the form
        </Button>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mark.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <FormError error={mark.error} fields={['signerName', 'signedOn']} />
          <TextInput
            label="Signed by"
            required
            autoComplete="off"
            value={signerName}
            onChange={(e) => setSignerName(e.currentTarget.value)}
            error={err('signerName')}
          />
          <TextInput
            label="Date signed"
            type="date"
            required
            max={todayIso()}
            value={signedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={err('signedOn')}
          />
          <Group>
            <Button type="submit" loading={mark.isPending}>
              Mark as signed on paper
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
