import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceMobileMessage } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { post } from '../../lib/api';
import { attemptsText, smsStateText } from './consentText';
import { useConsentAction } from './queries';
import type { Consent } from './types';

/**
 * MT-10 text message: the client is texted and replies YES, then gets a 6-digit code (valid 12 hours)
 * that they read out to the staff member. The page reads the consent again while it waits.
 */
export function SmsSignForm({ consent, clientPhone }: { consent: Consent; clientPhone: string | null }) {
  const sms = consent.sms;
  return (
    <Stack gap="md" maw={560}>
      {sms?.state === 'locked' ? (
        <Alert color="red" title="Too many wrong codes — sign another way">
          The text-message signature is locked for this consent. Use the E-sign or Paper tab.
        </Alert>
      ) : (
        <>
          {/* A live region: the client's reply arrives while the page polls. */}
          <Text role="status" fw={sms ? 600 : undefined}>
            {sms ? smsStateText(sms) : 'The client is texted a request and replies YES to receive a code.'}
          </Text>
          {sms?.state === 'code_sent' ? (
            <CodeForm consent={consent} attemptsLeft={sms.attemptsLeft} />
          ) : (
            <StartForm consent={consent} clientPhone={clientPhone} again={Boolean(sms)} />
          )}
        </>
      )}
      <Text size="sm">
        <Anchor component={Link} to="/sms-simulator" target="_blank">
          Demo: play the client's phone
        </Anchor>{' '}
        (opens a new tab)
      </Text>
    </Stack>
  );
}

function StartForm({ consent, clientPhone, again }: { consent: Consent; clientPhone: string | null; again: boolean }) {
  const [phone, setPhone] = useState('');
  const send = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/sms`, phone.trim() ? { phone: phone.trim() } : {}),
    (c) => `Request texted to ${c.sms?.phone ?? 'the client'}`,
  );
  const err = fieldErrorGetter(send.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
      noValidate
    >
      <Stack gap="md">
        <FormError error={send.error} fields={['phone']} />
        <TextInput
          label="Mobile phone number"
          description={
            again
              ? 'No reply, or the wrong number? Send the request again.'
              : clientPhone
                ? 'Leave empty to text the phone on the client’s profile.'
                : 'The client’s profile has no phone; enter the number to text.'
          }
          type="tel"
          autoComplete="off"
          placeholder={clientPhone ?? '+1 406 555 0123'}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={err('phone')}
        />
        <Group>
          <Button
            type="submit"
            loading={send.isPending}
            variant={again ? 'default' : undefined}
            leftSection={<IconDeviceMobileMessage size={16} aria-hidden />}
          >
            Send the request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CodeForm({ consent, attemptsLeft }: { consent: Consent; attemptsLeft: number }) {
  const [code, setCode] = useState('');
  const verify = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/sms/verify`, { code: code.trim() }),
    'Code confirmed — the consent is signed',
  );
  const resend = useConsentAction(
    consent,
    () => post<Consent>(`/api/consents/${consent.id}/sms/resend`),
    'A new code was texted; the old one no longer works',
  );
  const err = fieldErrorGetter(verify.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        verify.mutate();
      }}
      noValidate
    >
      <Stack gap="md">
        <FormError error={verify.error} fields={['code']} />
        <TextInput
          label="Code the client received"
          description={`6 digits. ${attemptsText(attemptsLeft)}.`}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={err('code')}
        />
        <ErrorAlert error={resend.error} title="Could not re-send the code" />
        <Group>
          <Button type="submit" loading={verify.isPending}>
            Confirm code
          </Button>
          <Button
            variant="default"
            loading={resend.isPending}
            onClick={() => resend.mutate(undefined, { onSuccess: () => setCode('') })}
          >
            Re-send the code
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
