import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldMessages } from '../../components/FormError';
import { ApiError, fieldErrorsOf, post } from '../../lib/api';
import type { StageAnswer } from '../../lib/types';
import { AccountLocked } from './AccountLocked';
import { isPasscode, PasscodeInput } from './PasscodeInput';
import { useCompleteStage } from './useCompleteStage';

/** NCC-1: the passcode asked after the password. Wrong answers count towards the lockout. */
export function EnterPasscodeForm() {
  const complete = useCompleteStage();
  const [passcode, setPasscode] = useState('');
  const [problem, setProblem] = useState<string>();
  const verify = useMutation({
    mutationFn: () => post<StageAnswer>('/api/session/passcode', { passcode }),
    onSuccess: complete,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = isPasscode(passcode) ? undefined : 'Enter the 6 digits of your passcode.';
    setProblem(found);
    if (!found) verify.mutate();
  }

  // 423: that was the last attempt; the account is locked and this session has ended.
  if (verify.error instanceof ApiError && verify.error.status === 423) return <AccountLocked error={verify.error} />;
  const fieldError = Object.keys(fieldErrorsOf(verify.error)).length > 0;
  return (
    <>
      <Text>Your network asks for your 6-digit passcode after your password.</Text>
      {!fieldError && <ErrorAlert error={verify.error} title="Could not check your passcode" />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasscodeInput
            label="Passcode"
            value={passcode}
            onChange={setPasscode}
            error={problem ?? fieldMessages(verify.error, 'passcode', 'The passcode')}
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            Continue
          </Button>
        </Stack>
      </form>
    </>
  );
}
