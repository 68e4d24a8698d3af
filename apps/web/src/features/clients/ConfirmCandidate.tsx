import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, post } from '../../lib/api';

interface Props {
  token: string;
  index: number;
  /** What the user typed: the consent form is prefilled with it, the stored profile stays hidden. */
  typedName: { firstName: string; lastName: string };
}

interface Answer {
  matches: boolean;
  attemptsLeft: number;
}

/**
 * MT-7: a person known to another program is confirmed by asking the client for their phone or address
 * (the guide: have the client tell you). The server only says whether it matches.
 */
export function ConfirmCandidate({ token, index, typedName }: Props) {
  const navigate = useNavigate();
  const [by, setBy] = useState<'phone' | 'address'>('phone');
  const [phone, setPhone] = useState('');
  const [addressLine, setAddressLine] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const check = useMutation({
    mutationFn: () =>
      post<Answer>(`/api/clients/${token}/confirm`, by === 'phone' ? { phone } : { addressLine, postalCode }),
  });
  const err = fieldErrorsOf(check.error);
  const id = (name: string) => `confirm-${index}-${name}`;
  const answer = check.data;

  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm">
        Ask the client for their phone number or address, and type what they tell you. Do not read out what you entered.
      </Text>
      <SegmentedControl
        aria-label="Confirm by"
        value={by}
        onChange={(v) => {
          setBy(v as 'phone' | 'address');
          check.reset();
        }}
        data={[
          { value: 'phone', label: 'Phone' },
          { value: 'address', label: 'Address' },
        ]}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check.mutate();
        }}
      >
        <Stack gap="xs">
          {by === 'phone' ? (
            <TextInput
              id={id('phone')}
              label="Phone the client gives"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={err.phone}
              required
            />
          ) : (
            <>
              <TextInput
                id={id('address')}
                label="Street address the client gives"
                value={addressLine}
                onChange={(e) => setAddressLine(e.currentTarget.value)}
                error={err.addressLine}
                required
              />
              <TextInput
                id={id('zip')}
                label="ZIP code"
                value={postalCode}
                onChange={(e) => setPostalCode(e.currentTarget.value)}
                error={err.postalCode}
                required
              />
            </>
          )}
          <Group>
            <Button type="submit" variant="default" loading={check.isPending}>
              Check with the record
            </Button>
          </Group>
        </Stack>
      </form>
      {check.error && !Object.keys(err).length && <ErrorAlert error={check.error} title="Could not check" />}
      {answer?.matches && (
        <Alert color="green" title="It matches: this is the same person">
          <Text size="sm" mb="xs">
            Start a consent for the existing record. Their profile opens to your program once the consent is signed.
          </Text>
          <Button onClick={() => navigate(`/clients/${token}/consents/new`, { state: { hiddenPerson: typedName } })}>
            Start a consent for this person
          </Button>
        </Alert>
      )}
      {answer && !answer.matches && (
        <Alert color="orange" title="It does not match">
          {answer.attemptsLeft > 0
            ? `Check what the client said, or treat them as a new person. ${answer.attemptsLeft} attempt(s) left today.`
            : 'No attempts left today for this person. Treat them as a new person, or try again tomorrow.'}
        </Alert>
      )}
    </Stack>
  );
}
