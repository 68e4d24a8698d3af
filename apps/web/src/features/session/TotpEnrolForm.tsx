import { Button, Code, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CopyAction } from '../../components/CopyAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldMessages } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { fieldErrorsOf, post, put } from '../../lib/api';
import type { TotpEnrolled, TotpSetup } from '../../lib/types';
import { useSession } from './useSession';

/** The key in groups of four, as authenticator apps show it; they ignore the spaces. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * At the first sign-in after the network asks for an authenticator app: a new secret (QR code, and
 * as text to type), confirmed with a first code. The answer carries the recovery codes, shown once.
 */
export function TotpEnrolForm({ onEnrolled }: { onEnrolled: (enrolled: TotpEnrolled) => void }) {
  const { data: session } = useSession();
  // Each set-up replaces the secret, so it is asked once per visit, not on every render or refocus.
  const setup = useQuery({
    queryKey: ['totp-setup', session?.user.id],
    queryFn: () => post<TotpSetup>('/api/session/totp/setup'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const confirm = useMutation({
    mutationFn: () => put<TotpEnrolled>('/api/session/totp', { code }),
    onSuccess: onEnrolled,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = /^\d{6}$/.test(code) ? undefined : 'Enter the 6 digits the app shows.';
    setProblem(found);
    if (!found) confirm.mutate();
  }

  const fieldError = Object.keys(fieldErrorsOf(confirm.error)).length > 0;
  return (
    <>
      <Text>
        Your network asks for a code from an authenticator app each time you sign in, after your password. Set it up now
        on your phone.
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>
          Open an authenticator app, such as Google Authenticator, Microsoft Authenticator or 1Password, and add an
          account.
        </List.Item>
        <List.Item>Scan the QR code, or type the key below it.</List.Item>
        <List.Item>Enter the 6-digit code the app shows for Portico.</List.Item>
      </List>
      {setup.isPending && <LoadingBlock lines={4} label="Preparing your set-up" />}
      <ErrorAlert error={setup.error} title="Could not start the set-up" />
      {setup.data && (
        <>
          <Image src={setup.data.qrCode} alt="QR code for your authenticator app" w={200} h={200} mx="auto" />
          <div>
            <Text size="sm" fw={600}>
              Key to type in the app
            </Text>
            <Code block fz="md" my={4} data-testid="totp-secret">
              {grouped(setup.data.secret)}
            </Code>
            <CopyAction value={setup.data.secret} label="Copy key" />
          </div>
          {!fieldError && <ErrorAlert error={confirm.error} title="Could not confirm your code" />}
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                label="Code from the app"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.replace(/\s/g, ''))}
                error={problem ?? fieldMessages(confirm.error, 'code', 'The code')}
                w={220}
              />
              <Button type="submit" loading={confirm.isPending} fullWidth>
                Confirm
              </Button>
            </Stack>
          </form>
        </>
      )}
    </>
  );
}
