import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Sends the referral; the dialog stays open to show an error. */
  onSend: () => void;
  pending: boolean;
  error: unknown;
  /** Shown above the error, e.g. that the draft was saved although sending failed. */
  notice?: ReactNode;
  toProgramName: string;
}

/** MT-11: sending asks the sender to confirm that insurance is not a barrier for this referral. */
export function SendDialog({ opened, onClose, ...form }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Send the referral">
      {opened && <SendForm onClose={onClose} {...form} />}
    </Modal>
  );
}

function SendForm({ onClose, onSend, pending, error, notice, toProgramName }: Omit<Props, 'opened'>) {
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  const err = fieldErrorGetter(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!confirmed);
    if (confirmed) onSend();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          The gatekeepers of {toProgramName} are told at once, by email and in the portal. The referral cannot be edited
          once sent.
        </Text>
        {notice}
        <FormError error={error} fields={['insuranceConfirmed']} />
        <Checkbox
          label="Insurance is not a barrier for this referral"
          required
          checked={confirmed}
          onChange={(e) => {
            setConfirmed(e.currentTarget.checked);
            setMissing(false);
          }}
          error={missing ? 'Confirm this before sending.' : err('insuranceConfirmed')}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} leftSection={<IconSend size={16} aria-hidden />}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
