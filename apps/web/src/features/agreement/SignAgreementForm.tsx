import { Alert, Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldMessages } from '../../components/FormError';
import { fieldMessagesOf, post } from '../../lib/api';
import type { AgreementStatus } from '../../lib/types';
import { AGREEMENT_KEY } from './queries';

/**
 * MT-3: signing is ticking the box and typing one's own name, as on the account, for the version
 * on screen. If the network changed the agreement meanwhile, the new text is loaded to read first.
 */
export function SignAgreementForm({
  version,
  name,
  onSigned,
}: {
  version: string;
  name: string;
  onSigned: (status: AgreementStatus) => void;
}) {
  const queryClient = useQueryClient();
  const [accept, setAccept] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [problems, setProblems] = useState<{ accept?: string; typedName?: string }>({});
  const sign = useMutation({
    mutationFn: () => post<AgreementStatus>('/api/agreement', { version, typedName: typedName.trim(), accept }),
    onSuccess: onSigned,
    onError: (error) => {
      if (fieldMessagesOf(error, 'version').length > 0) void queryClient.invalidateQueries({ queryKey: AGREEMENT_KEY });
    },
  });
  const changed = fieldMessagesOf(sign.error, 'version').length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(accept ? {} : { accept: 'Tick the box to accept the agreement.' }),
      ...(typedName.trim() ? {} : { typedName: 'Type your full name to sign.' }),
    };
    setProblems(found);
    if (!found.accept && !found.typedName) sign.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {changed ? (
          <Alert color="yellow" title="The agreement has changed" role="alert">
            Your network changed the agreement while you were reading it. Read the new version above and sign again.
          </Alert>
        ) : (
          <FormError error={sign.error} fields={['typedName', 'accept']} />
        )}
        <Checkbox
          label="I have read and accept this agreement"
          checked={accept}
          onChange={(e) => setAccept(e.currentTarget.checked)}
          error={problems.accept ?? fieldMessages(sign.error, 'accept', 'The box')}
        />
        <TextInput
          label="Type your full name to sign"
          description={`As on your account: ${name}`}
          autoComplete="name"
          required
          value={typedName}
          onChange={(e) => setTypedName(e.currentTarget.value)}
          error={problems.typedName ?? fieldMessages(sign.error, 'typedName', 'The name')}
        />
        <Button type="submit" loading={sign.isPending} fullWidth>
          Sign agreement
        </Button>
      </Stack>
    </form>
  );
}
