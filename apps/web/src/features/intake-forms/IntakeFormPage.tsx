import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { fieldErrorsOf } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useCan, useSession } from '../session/useSession';
import { useProgramChoices } from '../users/queries';
import { type IntakeValues, missingBeforeSend } from './answers';
import { type EditableField, move, newField, relabel, toDefinition, toEditable } from './draft';
import { FieldEditor } from './FieldEditor';
import { IntakeFields } from './IntakeFields';
import { useIntakeForm, useSaveIntakeForm } from './queries';
import type { IntakeForm } from './types';

/**
 * MT-11: a program administrator defines what senders answer when they refer a client to the program;
 * a network administrator may choose any program of the network.
 */
export function IntakeFormPage() {
  const acting = useSession().data?.acting;
  const network = useCan()('network:manage');
  const choices = useProgramChoices(network);
  const [chosen, setChosen] = useState<string | null>(null);
  const programId = chosen ?? acting?.programId ?? '';
  const programName =
    choices.data?.find((c) => c.value === programId)?.label ??
    (programId === acting?.programId ? acting?.programName : undefined);
  const form = useIntakeForm(programId);
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Intake form"
        description={
          programName
            ? `The questions senders answer when they refer a client to ${programName}, beyond Personal info.`
            : undefined
        }
      />
      {network && (
        <Select
          label="Program"
          description="As a network administrator you may edit the intake form of any program of the network."
          data={choices.data ?? []}
          value={programId || null}
          onChange={(v) => v && setChosen(v)}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No program by that name"
          maw={480}
        />
      )}
      {form.isPending && <LoadingBlock lines={4} label="Loading the intake form" />}
      <ErrorAlert error={form.error} title="Could not load the intake form" />
      {form.data && (
        <IntakeFormEditor key={`${programId}:${form.data.id ?? 'none'}`} programId={programId} saved={form.data} />
      )}
    </Stack>
  );
}

function IntakeFormEditor({ programId, saved }: { programId: string; saved: IntakeForm }) {
  const [fields, setFields] = useState<EditableField[]>(() => toEditable(saved.fields));
  const [preview, setPreview] = useState<IntakeValues>({});
  const save = useSaveIntakeForm(programId);
  const errors = fieldErrorsOf(save.error);
  const errorsOf = (i: number) => ({
    label: errors[`fields.${i}.label`],
    key: errors[`fields.${i}.key`],
    options: errors[`fields.${i}.options`],
  });
  const update = (i: number, patch: Partial<EditableField>) =>
    setFields((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toDefinition(fields), {
      onSuccess: (form) =>
        notifications.show({
          color: 'teal',
          message:
            form.version === saved.version
              ? `No changes: the form is still version ${form.version}.`
              : `Intake form saved as version ${form.version}. New referrals use it; drafts keep the version they started with.`,
        }),
    });
  };
  const definition = toDefinition(fields);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text>
          {saved.version
            ? `Version ${saved.version}, saved by ${saved.createdByName} on ${formatDateTime(saved.createdAt)}.`
            : 'Your program has no intake form yet: senders give Personal info and a reason only.'}{' '}
          Do not ask for medical records.
        </Text>
        <Section id="intake-questions" title="Questions">
          <Stack gap="md">
            {fields.length === 0 && <Text c="dimmed">No questions. Add one to ask senders for more.</Text>}
            {fields.map((f, i) => (
              <FieldEditor
                key={f.uid}
                field={f}
                index={i}
                count={fields.length}
                errors={errorsOf(i)}
                onLabel={(label) => setFields((fs) => relabel(fs, i, label))}
                onChange={(patch) => update(i, patch)}
                onMove={(to) => setFields((fs) => move(fs, i, to))}
                onRemove={() => setFields((fs) => fs.filter((_, j) => j !== i))}
              />
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setFields((fs) => [...fs, newField(fs)])}
              >
                Add a question
              </Button>
            </Group>
          </Stack>
        </Section>
        {definition.length > 0 && (
          <Section id="intake-preview" title="Preview" description={<Text size="sm">What a sender sees.</Text>}>
            <IntakeFields fields={definition} values={preview} onChange={setPreview} errors={{}} idPrefix="preview" />
            <Text size="sm" c="dimmed" mt="md">
              {Object.keys(missingBeforeSend(definition, preview)).length
                ? 'Required questions must be answered before a referral is sent.'
                : 'These answers could be sent.'}
            </Text>
          </Section>
        )}
        {save.error && !Object.keys(errors).length ? (
          <ErrorAlert error={save.error} title="Could not save the intake form" />
        ) : (
          save.error && (
            <Alert color="red" title="Could not save the intake form">
              Some questions need fixing: see the messages under them.
            </Alert>
          )
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            Save intake form
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
