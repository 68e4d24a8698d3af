import { ActionIcon, Group, Paper, Select, Stack, Switch, Textarea, TextInput, Tooltip } from '@mantine/core';
import { INTAKE_FIELD_TYPES, type IntakeFieldType } from '@portico/shared';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { type EditableField, isChoice } from './draft';

interface Props {
  field: EditableField;
  index: number;
  count: number;
  /** Server messages for this field's parts: label, key, options. */
  errors: Record<string, string | undefined>;
  onLabel: (label: string) => void;
  onChange: (patch: Partial<EditableField>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const TYPE_OPTIONS = Object.entries(INTAKE_FIELD_TYPES).map(([value, label]) => ({ value, label }));

/** One question of a program's intake form (MT-11). */
export function FieldEditor({ field: f, index, count, errors, onLabel, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={`Question ${n}: ${f.label}`}>
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label={`Question ${n}`}
            value={f.label}
            onChange={(e) => onLabel(e.currentTarget.value)}
            error={errors.label}
            withAsterisk
            style={{ flex: 1 }}
            maxLength={200}
          />
          <Select
            label="Answer type"
            data={TYPE_OPTIONS}
            value={f.type}
            allowDeselect={false}
            onChange={(t) => t && onChange({ type: t as IntakeFieldType })}
            w={180}
          />
        </Group>
        <TextInput
          label="Help text"
          description="Shown under the question, e.g. what to count or where to find it."
          value={f.help}
          onChange={(e) => onChange({ help: e.currentTarget.value })}
          maxLength={500}
        />
        {isChoice(f.type) && (
          <Textarea
            label="Choices"
            description="One per line; at least two."
            autosize
            minRows={2}
            value={f.choices}
            onChange={(e) => onChange({ choices: e.currentTarget.value })}
            error={errors.options}
            withAsterisk
          />
        )}
        <Group justify="space-between">
          <Group gap="lg">
            <Switch
              label="Required to send"
              checked={f.required}
              onChange={(e) => onChange({ required: e.currentTarget.checked })}
            />
            <TextInput
              size="xs"
              label="Answer key"
              value={f.key}
              readOnly
              variant="unstyled"
              error={errors.key}
              aria-describedby={`key-help-${f.uid}`}
            />
            <span id={`key-help-${f.uid}`} hidden>
              {f.saved ? 'Kept from the saved version, so earlier answers still match.' : 'Made from the question.'}
            </span>
          </Group>
          <Group gap="xs">
            <Tooltip label="Move up">
              <ActionIcon
                variant="default"
                aria-label={`Move question ${n} up`}
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                variant="default"
                aria-label={`Move question ${n} down`}
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove">
              <ActionIcon variant="default" color="red" aria-label={`Remove question ${n}`} onClick={onRemove}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
