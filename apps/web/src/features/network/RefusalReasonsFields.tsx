import { Button, Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { newReason, type ReasonDraft, withLabel } from './referralSettingsDraft';

interface Props {
  value: ReasonDraft[];
  onChange: (reasons: ReasonDraft[]) => void;
  /** The message for a field the server would name, e.g. 'refusalReasons.1.code'. */
  errorOf: (field: string, subject: string) => ReactNode;
}

/** MT-12: the reasons a gatekeeper refuses with: add, rename, ask for details, remove. */
export function RefusalReasonsFields({ value, onChange, errorOf }: Props) {
  // A new row takes the focus; after a removal it goes to "Add a reason", so the keyboard never loses its place.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const set = (key: string, patch: Partial<ReasonDraft>) =>
    onChange(value.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const r = newReason();
    setFocusKey(r.key);
    onChange([...value, r]);
  };
  const remove = (key: string) => {
    onChange(value.filter((r) => r.key !== key));
    addButton.current?.focus();
  };
  return (
    <Stack gap="sm">
      <Text fw={500} id="refusal-reasons-heading">
        Refusal reasons
      </Text>
      <Text size="sm" c="dimmed" mt={-8}>
        Gatekeepers choose one when they refuse a referral, in this order. Referrals already refused keep their reason.
      </Text>
      {errorOf('refusalReasons', 'The list') && (
        <Text c="red.9" size="sm" role="alert">
          {errorOf('refusalReasons', 'The list')}
        </Text>
      )}
      {value.map((r, i) => (
        <ReasonRow
          key={r.key}
          index={i}
          reason={r}
          focus={r.key === focusKey}
          onLabel={(label) => onChange(withLabel(value, r.key, label))}
          onChange={(patch) => set(r.key, patch)}
          onRemove={() => remove(r.key)}
          errorOf={errorOf}
        />
      ))}
      <Group>
        <Button ref={addButton} variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          Add a reason
        </Button>
      </Group>
    </Stack>
  );
}

interface RowProps {
  index: number;
  reason: ReasonDraft;
  focus: boolean;
  onLabel: (label: string) => void;
  onChange: (patch: Partial<ReasonDraft>) => void;
  onRemove: () => void;
  errorOf: Props['errorOf'];
}

function ReasonRow({ index, reason: r, focus, onLabel, onChange, onRemove, errorOf }: RowProps) {
  const label = useRef<HTMLInputElement>(null);
  // Only when the row first appears: a re-render must not pull the focus back.
  useEffect(() => {
    if (focus) label.current?.focus();
  }, []);
  const field = (f: string) => `refusalReasons.${index}.${f}`;
  const name = r.label.trim() || `reason ${index + 1}`;
  return (
    <Fieldset legend={`Reason ${index + 1}`} variant="filled">
      <Group align="flex-start" gap="md">
        <TextInput
          ref={label}
          label="Label"
          description="As gatekeepers and senders read it."
          required
          maxLength={100}
          value={r.label}
          onChange={(e) => onLabel(e.currentTarget.value)}
          error={errorOf(field('label'), 'This label')}
          w={300}
        />
        {!r.saved && (
          <TextInput
            label="Code"
            description="Stored on referrals; fixed once saved."
            required
            maxLength={40}
            value={r.code}
            onChange={(e) => onChange({ code: e.currentTarget.value, codeTyped: true })}
            error={errorOf(field('code'), 'This code')}
            w={220}
          />
        )}
        <Switch
          label="Needs details"
          description="The gatekeeper must say more."
          checked={r.requiresText}
          onChange={(e) => onChange({ requiresText: e.currentTarget.checked })}
          mt="lg"
        />
        <Button
          variant="subtle"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={onRemove}
          aria-label={`Remove ${name}`}
          mt="lg"
        >
          Remove
        </Button>
      </Group>
      {r.saved && (
        <Text size="xs" c="dimmed" mt="xs">
          Code {r.code}, kept on the referrals refused for it.
        </Text>
      )}
      {r.saved && errorOf(field('code'), 'This code') && (
        <Text size="sm" c="red.9" role="alert">
          {errorOf(field('code'), 'This code')}
        </Text>
      )}
    </Fieldset>
  );
}
