import { Checkbox, Group, NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { INTAKE_LIMITS, type IntakeField } from '@portico/shared';
import type { IntakeValues } from './answers';

interface Props {
  fields: readonly IntakeField[];
  values: IntakeValues;
  onChange: (values: IntakeValues) => void;
  /** Messages by field key (the server's, or the check before sending). */
  errors: Record<string, string>;
  /** The fields' ids start with it, so two forms on a page do not collide. */
  idPrefix?: string;
}

/** MT-11: a program's intake sections, filled by the sender; required fields are marked. */
export function IntakeFields({ fields, values, onChange, errors, idPrefix = 'intake' }: Props) {
  const set = (key: string, value: IntakeValues[string]) => onChange({ ...values, [key]: value });
  return (
    <Stack gap="md">
      {fields.map((f) => {
        const common = {
          id: `${idPrefix}-${f.key}`,
          label: f.label,
          description: f.help ?? undefined,
          withAsterisk: f.required,
          error: errors[f.key],
        };
        const v = values[f.key];
        switch (f.type) {
          case 'text':
            return (
              <TextInput
                key={f.key}
                {...common}
                maxLength={INTAKE_LIMITS.text}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.key, e.currentTarget.value)}
              />
            );
          case 'long_text':
            return (
              <Textarea
                key={f.key}
                {...common}
                autosize
                minRows={3}
                maxLength={INTAKE_LIMITS.longText}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.key, e.currentTarget.value)}
              />
            );
          case 'number':
            return (
              <NumberInput
                key={f.key}
                {...common}
                value={typeof v === 'number' ? v : ''}
                onChange={(n) => set(f.key, typeof n === 'number' ? n : null)}
              />
            );
          case 'date':
            return (
              <TextInput
                key={f.key}
                {...common}
                type="date"
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(f.key, e.currentTarget.value)}
              />
            );
          case 'single_choice':
            return (
              <Select
                key={f.key}
                {...common}
                data={f.options ?? []}
                clearable
                placeholder="Choose one"
                value={typeof v === 'string' ? v : null}
                onChange={(choice) => set(f.key, choice)}
              />
            );
          case 'multiple_choice':
            return (
              <Checkbox.Group
                key={f.key}
                {...common}
                value={Array.isArray(v) ? v : []}
                onChange={(chosen) => set(f.key, chosen)}
              >
                <Group mt="xs">
                  {(f.options ?? []).map((o) => (
                    <Checkbox key={o} value={o} label={o} />
                  ))}
                </Group>
              </Checkbox.Group>
            );
          case 'yes_no':
            return (
              <Radio.Group
                key={f.key}
                {...common}
                value={v === true ? 'yes' : v === false ? 'no' : ''}
                onChange={(answer) => set(f.key, answer === 'yes')}
              >
                <Group mt="xs">
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No" />
                </Group>
              </Radio.Group>
            );
        }
        return null;
      })}
    </Stack>
  );
}
