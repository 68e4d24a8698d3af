import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormError } from './FormError';

interface Props {
  /** The form's mutation: submitting runs it, its error and pending state show here. */
  save: { mutate: () => void; error: unknown; isPending: boolean };
  /** The fields whose errors show under their inputs (see FormError). */
  fields: readonly string[];
  submitLabel: ReactNode;
  /** A red submit button, for what cannot be undone. */
  danger?: boolean;
  disabled?: boolean;
  onCancel: () => void;
  /** Shown above the error alert. */
  intro?: ReactNode;
  children: ReactNode;
}

/** A modal's edit form: the error alert, the fields, then Cancel and the submit button. */
export function SaveForm({ save, fields, submitLabel, danger, disabled, onCancel, intro, children }: Props) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="md">
        {intro}
        <FormError error={save.error} fields={fields} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} color={danger ? 'red.9' : undefined} disabled={disabled}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
