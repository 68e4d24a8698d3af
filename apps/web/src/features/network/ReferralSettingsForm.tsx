import { Button, Divider, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReferralSettings } from '@portico/shared';
import { type FormEvent, useState } from 'react';
import { FormError, fieldMessages } from '../../components/FormError';
import { formatDate } from '../../lib/format';
import { HolidaysField } from './HolidaysField';
import { useSaveReferralSettings } from './queries';
import { RefusalReasonsFields } from './RefusalReasonsFields';
import {
  changesOf,
  draftOf,
  draftProblems,
  type SettingsChange,
  settingsFields,
  settingsOf,
} from './referralSettingsDraft';

/** MT-12 refusal reasons and MT-16 holidays, saved together after the administrator confirms the changes. */
export function ReferralSettingsForm({ initial }: { initial: ReferralSettings }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<{ next: ReferralSettings; changes: SettingsChange[] } | null>(null);
  const save = useSaveReferralSettings();
  const errorOf = (field: string, subject: string) => problems[field] ?? fieldMessages(save.error, field, subject);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const next = settingsOf(draft);
    const changes = changesOf(saved, next);
    if (changes.length === 0) {
      notifications.show({ message: 'Nothing has changed since the last save.' });
      return;
    }
    setPending({ next, changes });
  }

  function confirm() {
    if (!pending) return;
    save.mutate(pending.next, {
      onSuccess: (next) => {
        setSaved(next);
        setDraft(draftOf(next));
        notifications.show({
          color: 'teal',
          title: 'Referral settings saved',
          message: 'Gatekeepers refuse with these reasons, and stale referrals are counted with these holidays.',
        });
      },
      // A refused save shows its field errors in the form, where they can be fixed.
      onSettled: () => setPending(null),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Referral settings">
      <Stack gap="lg">
        <FormError error={save.error} fields={settingsFields(draft)} />
        <RefusalReasonsFields
          value={draft.reasons}
          onChange={(reasons) => {
            setDraft((d) => ({ ...d, reasons }));
            // Rows may have moved: messages about them by position would point at the wrong ones.
            setProblems({});
            save.reset();
          }}
          errorOf={errorOf}
        />
        <Divider />
        <HolidaysField
          value={draft.holidays}
          onChange={(holidays) => {
            setDraft((d) => ({ ...d, holidays }));
            save.reset();
          }}
          errorOf={errorOf}
        />
        <Group>
          <Button type="submit">Save referral settings</Button>
        </Group>
      </Stack>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Save the referral settings?">
        {pending && <ChangeList changes={pending.changes} />}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            Keep editing
          </Button>
          <Button onClick={confirm} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Modal>
    </form>
  );
}

const sentence = (c: SettingsChange): string => {
  switch (c.kind) {
    case 'added':
      return `Add the reason “${c.label}”.`;
    case 'removed':
      return `Remove the reason “${c.label}”. Referrals already refused for it keep it.`;
    case 'renamed':
      return `Rename “${c.from}” to “${c.label}”.`;
    case 'asksText':
      return `Ask for details when the reason is “${c.label}”.`;
    case 'stopsAskingText':
      return `No longer ask for details when the reason is “${c.label}”.`;
    case 'holidayAdded':
      return `Add the holiday ${formatDate(c.day)}.`;
    case 'holidayRemoved':
      return `Remove the holiday ${formatDate(c.day)}.`;
  }
};

function ChangeList({ changes }: { changes: SettingsChange[] }) {
  return (
    <Stack gap="sm">
      <Text>These changes apply to the whole network from now on:</Text>
      <List spacing={4}>
        {changes.map((c) => (
          <List.Item key={sentence(c)}>{sentence(c)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
