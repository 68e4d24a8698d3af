import { Alert, Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError, fieldMessages } from '../../components/FormError';
import { ApiError, post } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { AGENCY_AGREEMENT_KEY, type ProgramAgreement } from './queries';

/**
 * MT-4: a gatekeeper signs for one program by typing their full name and ticking the box. If the
 * network published a new text meanwhile (409), the new text is loaded to read before signing.
 */
export function SignProgramForm({
  program,
  versionId,
  name,
  startOpen = program.status !== 'valid',
}: {
  program: ProgramAgreement;
  versionId: string;
  name: string;
  /** Show the form at once (a program still valid shows a "Sign again now" button first). */
  startOpen?: boolean;
}) {
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [signerName, setSignerName] = useState('');
  const [problems, setProblems] = useState<{ confirm?: string; signerName?: string }>({});
  const [signed, setSigned] = useState<ProgramAgreement | null>(null);
  // A program signed for months to come shows a button instead of the whole form.
  const [open, setOpen] = useState(startOpen);
  const sign = useMutation({
    mutationFn: () =>
      post<ProgramAgreement>('/api/agency-agreement/signatures', {
        programId: program.programId,
        versionId,
        signerName: signerName.trim(),
        confirm,
      }),
    onSuccess: (row) => {
      setSigned(row);
      setOpen(false);
      setConfirm(false);
      setSignerName('');
      void queryClient.invalidateQueries({ queryKey: AGENCY_AGREEMENT_KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: AGENCY_AGREEMENT_KEY });
    },
  });
  const changed = sign.error instanceof ApiError && sign.error.status === 409;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(confirm ? {} : { confirm: 'Tick the box to agree on behalf of the program.' }),
      ...(signerName.trim() ? {} : { signerName: 'Type your full name to sign.' }),
    };
    setProblems(found);
    if (!found.confirm && !found.signerName) sign.mutate();
  }

  const confirmation = signed && (
    <Alert color="teal" title="Agreement signed" role="status">
      You signed the agency agreement (version {signed.version}) for {signed.programName}. It is valid until{' '}
      {formatDay(signed.validUntil)}.
    </Alert>
  );
  if (!open)
    return (
      <Stack gap="sm">
        {confirmation}
        <Button variant="default" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          Sign again now
        </Button>
      </Stack>
    );

  return (
    <form onSubmit={submit} noValidate aria-label={`Sign for ${program.programName}`}>
      <Stack gap="sm">
        {confirmation}
        {changed ? (
          <Alert color="yellow" title="The agreement has changed" role="alert">
            The network published a new version while you were reading. Read the new text above and sign again.
          </Alert>
        ) : (
          <FormError error={sign.error} fields={['signerName', 'confirm']} />
        )}
        <Checkbox
          label={`I have read and agree to this agreement on behalf of ${program.programName}`}
          checked={confirm}
          onChange={(e) => setConfirm(e.currentTarget.checked)}
          error={problems.confirm ?? fieldMessages(sign.error, 'confirm', 'The box')}
        />
        <TextInput
          label="Type your full name to sign"
          description={`As on your account: ${name}`}
          autoComplete="name"
          required
          value={signerName}
          onChange={(e) => setSignerName(e.currentTarget.value)}
          error={problems.signerName ?? fieldMessages(sign.error, 'signerName', 'The name')}
        />
        <Button type="submit" loading={sign.isPending} style={{ alignSelf: 'flex-start' }}>
          Sign for {program.programName}
        </Button>
      </Stack>
    </form>
  );
}
