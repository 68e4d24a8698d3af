import { Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormError } from '../../components/FormError';
import { Section } from '../../components/Section';

interface Props {
  /** The section's heading id. */
  id: string;
  title: string;
  description?: ReactNode;
  /** The step's mutation: its error shows above the fields, its pending state on the button. */
  step: { error: unknown; isPending: boolean };
  /** The fields whose server errors show under their inputs. */
  fields: readonly string[];
  submitLabel: string;
  submitIcon?: ReactNode;
  danger?: boolean;
  /** Checks the fields and runs the step. */
  onSubmit: () => void;
  /** Why the action cannot be taken now (nobody to choose): said instead of the form. */
  unavailable?: ReactNode;
  children: ReactNode;
}

/** One action on a referral as a section of its page: heading, error, fields, and its button. */
export function ActionForm({
  id,
  title,
  description,
  step,
  fields,
  submitLabel,
  submitIcon,
  danger,
  onSubmit,
  unavailable,
  children,
}: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  if (unavailable) {
    return (
      <Section id={id} title={title} description={description}>
        <Text>{unavailable}</Text>
      </Section>
    );
  }
  return (
    <Section id={id} title={title} description={description}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={step.error} fields={fields} />
          {children}
          <Group>
            <Button
              type="submit"
              loading={step.isPending}
              color={danger ? 'red.9' : undefined}
              leftSection={submitIcon}
            >
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
