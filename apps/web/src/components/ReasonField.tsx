import { Textarea } from '@mantine/core';

interface Props {
  /** Who reads the reason, e.g. "Emailed to the applicant." */
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The required reason for turning something down, focused when its dialog opens. */
export function ReasonField({ description, value, onChange, error }: Props) {
  return (
    <Textarea
      label="Reason"
      description={description}
      required
      autosize
      minRows={3}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus
    />
  );
}
