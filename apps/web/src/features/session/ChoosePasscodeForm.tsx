import { Button, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldMessages } from '../../components/FormError';
import { fieldErrorsOf, put } from '../../lib/api';
import type { StageAnswer } from '../../lib/types';
import { isPasscode, PasscodeInput } from './PasscodeInput';
import { useCompleteStage } from './useCompleteStage';

/** NCC-1: at the first sign-in the user chooses the passcode asked after the password from then on. */
export function ChoosePasscodeForm() {
  const complete = useCompleteStage();
  const [passcode, setPasscode] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ passcode?: string; repeat?: string }>({});
  const enrol = useMutation({
    mutationFn: () => put<StageAnswer>('/api/session/passcode', { passcode }),
    onSuccess: complete,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = !isPasscode(passcode)
      ? { passcode: 'Use exactly 6 digits.' }
      : passcode !== repeat
        ? { repeat: 'The two passcodes are not the same. Type it again.' }
        : {};
    setProblems(found);
    if (!found.passcode && !found.repeat) enrol.mutate();
  }

  const fieldError = Object.keys(fieldErrorsOf(enrol.error)).length > 0;
  return (
    <>
      <Text>Your network asks for a passcode each time you sign in, after your password. Choose one to remember.</Text>
      <div>
        <Text fw={600} size="sm">
          Your passcode needs
        </Text>
        <List size="sm" spacing={2} mt={4}>
          <List.Item>Exactly 6 digits</List.Item>
          <List.Item>
            No more than three ascending, descending or repeated digits in a row: 123456, 987654 and 111123 are not
            allowed
          </List.Item>
        </List>
      </div>
      {!fieldError && <ErrorAlert error={enrol.error} title="Could not save your passcode" />}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasscodeInput
            label="Passcode"
            autoComplete="off"
            value={passcode}
            onChange={setPasscode}
            error={problems.passcode ?? fieldMessages(enrol.error, 'passcode', 'The passcode')}
          />
          <PasscodeInput
            label="Repeat passcode"
            autoComplete="off"
            value={repeat}
            onChange={setRepeat}
            error={problems.repeat}
          />
          <Button type="submit" loading={enrol.isPending} fullWidth>
            Save passcode
          </Button>
        </Stack>
      </form>
    </>
  );
}
