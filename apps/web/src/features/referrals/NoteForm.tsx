import { Checkbox, Group, Select, Textarea, TextInput } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { todayIso } from '../../lib/format';
import { ActionForm } from './ActionForm';
import { postStep, useReferralStep } from './queries';
import { contactMethodOptions, outcomeOptions } from './referralText';
import type { ReferralDetail } from './types';

const KINDS = [
  { value: 'note', label: 'Call-log note' },
  { value: 'progress', label: 'Progress entry' },
];

const blank = () => ({
  kind: 'note',
  happenedOn: todayIso(),
  contactMethod: null as string | null,
  outcome: null as string | null,
  text: '',
  shared: true,
});

/** MT-13: notes are a call log; shared ones are read by the other program too (the sender sees the receiver's). */
export function NoteForm({ referral: r }: { referral: ReferralDetail }) {
  const [note, setNote] = useState(blank);
  const [problems, setProblems] = useState<{ happenedOn?: string; text?: string }>({});
  const set = (next: Partial<ReturnType<typeof blank>>) => {
    setNote((n) => ({ ...n, ...next }));
    setProblems({});
  };
  const add = useReferralStep<void>(
    r,
    () => postStep(r.id, 'notes', { ...note, text: note.text.trim() }),
    () => (note.shared ? 'Note added and shared with the other program' : 'Internal note added'),
  );
  const err = fieldErrorGetter(add.error);
  const submit = () => {
    const found = {
      ...(note.happenedOn ? {} : { happenedOn: 'Enter the date of the contact.' }),
      ...(note.happenedOn > todayIso() ? { happenedOn: 'The date cannot be in the future.' } : {}),
      ...(note.text.trim() ? {} : { text: 'Write the note.' }),
    };
    setProblems(found);
    if (Object.keys(found).length === 0) add.mutate(undefined, { onSuccess: () => setNote(blank()) });
  };
  return (
    <ActionForm
      id="referral-add-note"
      title="Add a note"
      step={add}
      fields={['kind', 'happenedOn', 'contactMethod', 'outcome', 'text', 'shared']}
      submitLabel="Add note"
      submitIcon={<IconNotes size={16} aria-hidden />}
      onSubmit={submit}
    >
      <Group align="flex-start" gap="md">
        <Select
          label="Kind of entry"
          data={KINDS}
          value={note.kind}
          allowDeselect={false}
          onChange={(v) => set({ kind: v ?? 'note' })}
          error={err('kind')}
          w={200}
        />
        <TextInput
          label="Date of contact"
          type="date"
          required
          max={todayIso()}
          value={note.happenedOn}
          onChange={(e) => set({ happenedOn: e.currentTarget.value })}
          error={problems.happenedOn ?? err('happenedOn')}
        />
        <Select
          label="Contact method"
          data={contactMethodOptions()}
          placeholder="Not recorded"
          clearable
          value={note.contactMethod}
          onChange={(v) => set({ contactMethod: v })}
          error={err('contactMethod')}
          w={200}
        />
        <Select
          label="Outcome"
          data={outcomeOptions()}
          placeholder="Not recorded"
          clearable
          value={note.outcome}
          onChange={(v) => set({ outcome: v })}
          error={err('outcome')}
          w={220}
        />
      </Group>
      <Textarea
        label="Note"
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={note.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        error={problems.text ?? err('text')}
      />
      <Checkbox
        label="Share with the other program"
        description="Unticked, the note stays internal: only your organization reads it."
        checked={note.shared}
        onChange={(e) => set({ shared: e.currentTarget.checked })}
        error={err('shared')}
      />
    </ActionForm>
  );
}
