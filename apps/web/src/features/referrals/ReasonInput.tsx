import { Alert, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { fieldErrorGetter } from '../../components/FormError';

/** MT-11: why the client is referred, under a standing warning; the receiving program reads it. */
export function ReasonInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  /** The save's error: its message for the reason shows under the field. */
  error: unknown;
}) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title="Do not enter medical records." role="note">
        The receiving program reads this reason. Say what the client needs, not their health history.
      </Alert>
      <Textarea
        label="Reason for referral"
        description="What the client needs from the receiving program. Up to 2,000 characters."
        autosize
        minRows={4}
        maxLength={2000}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={fieldErrorGetter(error)('reason')}
      />
    </Stack>
  );
}
