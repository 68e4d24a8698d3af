import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { patch } from '../../lib/api';
import { ActionForm } from './ActionForm';
import { postStep, useReferralStep } from './queries';
import { ReasonInput } from './ReasonInput';
import { SendDialog } from './SendDialog';
import type { ReferralDetail } from './types';

/** MT-11: a draft's reason can change until it is sent; sending asks about insurance first. */
export function DraftActions({ referral: r }: { referral: ReferralDetail }) {
  const [reason, setReason] = useState(r.reason ?? '');
  const [sending, sendDialog] = useDisclosure(false);
  const changed = reason.trim() !== (r.reason ?? '');
  const saveReason = () => patch(`/api/referrals/${r.id}`, { reason: reason.trim() || undefined });
  const edit = useReferralStep<void>(r, saveReason, 'Reason saved');
  // An edited reason is saved first, so what is sent is what is on screen.
  const send = useReferralStep<void>(
    r,
    async () => {
      if (changed) await saveReason();
      return postStep(r.id, 'send', { insuranceConfirmed: true });
    },
    `Referral sent to ${r.toProgram.name}`,
  );
  return (
    <>
      {r.can.edit && (
        <ActionForm
          id="referral-draft"
          title="Edit the reason"
          description={<Text size="sm">This referral is a draft: {r.toProgram.name} does not see it yet.</Text>}
          step={edit}
          fields={['reason']}
          submitLabel="Save reason"
          submitIcon={<IconDeviceFloppy size={16} aria-hidden />}
          onSubmit={() => edit.mutate()}
        >
          <ReasonInput value={reason} onChange={setReason} error={edit.error} />
        </ActionForm>
      )}
      {r.can.send && (
        <Group>
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={sendDialog.open}>
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
