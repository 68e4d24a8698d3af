import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldMessages } from '../../components/FormError';
import { ApiError, fieldErrorsOf, post } from '../../lib/api';
import type { StageAnswer } from '../../lib/types';
import { AccountLocked } from './AccountLocked';
import { useCompleteStage } from './useCompleteStage';

/**
 * The authenticator app's code asked after the password, or one of the recovery codes instead
 * (each works once). Wrong answers count towards the lockout, like a wrong password.
 */
export function EnterTotpForm() {
  const complete = useCompleteStage();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const verify = useMutation({
    mutationFn: () => post<StageAnswer>('/api/session/totp', { code: code.trim() }),
    onSuccess: complete,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = code.trim() ? undefined : 'Enter the 6-digit code from your authenticator app, or a recovery code.';
    setProblem(found);
    if (!found) verify.mutate();
  }

  if (verify.error instanceof ApiError && verify.error.status === 423) return <AccountLocked error={verify.error} />;
  const fieldError = Object.keys(fieldErrorsOf(verify.error)).length > 0;
  return (
    <>
      <Text>Open the authenticator app on your phone and enter the 6-digit code it shows for Portico.</Text>
      {!fieldError && <ErrorAlert error={verify.error} title="Could not check your code" />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Code"
            description="Lost your phone? Enter one of your recovery codes instead."
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            required
            value={code}
            // Spaces typed or pasted ("123 456") are not part of the code.
            onChange={(e) => setCode(e.currentTarget.value.replace(/\s/g, ''))}
            error={problem ?? fieldMessages(verify.error, 'code', 'The code')}
            w={260}
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            Continue
          </Button>
        </Stack>
      </form>
    </>
  );
}
