import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { patch } from '../../lib/api';
import type { IntakeValues } from '../intake-forms/answers';
import { IntakeFields } from '../intake-forms/IntakeFields';
import { useIntakeFormVersion } from '../intake-forms/queries';
import { useIntakeDraft } from '../intake-forms/useIntakeDraft';
import { ActionForm } from './ActionForm';
import { postStep, useReferralStep } from './queries';
import { ReasonInput } from './ReasonInput';
import { SendDialog } from './SendDialog';
import type { ReferralDetail } from './types';

/**
 * MT-11: a draft's reason and intake answers can change until it is sent, against the form version the
 * draft was started with; sending checks the required questions, then asks about insurance.
 */
export function DraftActions({ referral: r }: { referral: ReferralDetail }) {
  const [reason, setReason] = useState(r.reason ?? '');
  const form = useIntakeFormVersion(r.intakeFormId);
  const fields = form.data?.fields ?? [];
  const intake = useIntakeDraft(fields, r.intake as IntakeValues);
  const [sending, sendDialog] = useDisclosure(false);
  const saveDraft = () =>
    patch(`/api/referrals/${r.id}`, { reason: reason.trim() || undefined, intake: intake.answers() });
  const edit = useReferralStep<void>(r, saveDraft, 'Draft saved');
  // What is on screen is saved first, so what is sent is what the sender sees.
  const send = useReferralStep<void>(
    r,
    async () => {
      if (r.can.edit) await saveDraft();
      return postStep(r.id, 'send', { insuranceConfirmed: true });
    },
    `Referral sent to ${r.toProgram.name}`,
  );
  const askToSend = () => intake.readyToSend() && sendDialog.open();
  return (
    <>
      {r.can.edit && (
        <ActionForm
          id="referral-draft"
          title="Edit the draft"
          description={<Text size="sm">This referral is a draft: {r.toProgram.name} does not see it yet.</Text>}
          step={edit}
          fields={['reason']}
          submitLabel="Save draft"
          submitIcon={<IconDeviceFloppy size={16} aria-hidden />}
          onSubmit={() => edit.mutate()}
        >
          <ReasonInput value={reason} onChange={setReason} error={edit.error} />
          {fields.length > 0 && (
            <>
              <Text fw={600} mt="md">
                {r.toProgram.name} intake (form version {form.data?.version}); questions marked * are needed to send
              </Text>
              <IntakeFields
                fields={fields}
                values={intake.values}
                onChange={intake.change}
                errors={intake.errors(edit.error ?? send.error)}
              />
            </>
          )}
          {intake.hasMissing && (
            <Text c="red" size="sm" role="alert">
              Answer the questions marked in red before sending, or save the draft for later.
            </Text>
          )}
        </ActionForm>
      )}
      {r.can.send && (
        <Group>
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={askToSend} disabled={form.isLoading}>
            Send referral
          </Button>
        </Group>
      )}
      <SendDialog
        opened={sending}
        onClose={sendDialog.close}
        onSend={() => send.mutate(undefined, { onSuccess: sendDialog.close })}
        pending={send.isPending}
        error={send.error}
        toProgramName={r.toProgram.name}
      />
    </>
  );
}
