import { Alert, Button, Group, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UserAgreement } from '@portico/shared';
import { type FormEvent, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { useSavePolicy } from './queries';

const FIELDS = ['userAgreement', 'userAgreement.version', 'userAgreement.text'];

/** MT-3: whether users sign an agreement, and its version and text. A new version is signed again by all. */
export function AgreementSettingsForm({ initial }: { initial: UserAgreement | null }) {
  const [saved, setSaved] = useState(initial);
  const [required, setRequired] = useState(initial !== null);
  const [version, setVersion] = useState(initial?.version ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [problems, setProblems] = useState<{ version?: string; text?: string }>({});
  const save = useSavePolicy();
  const err = fieldErrorGetter(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = required
      ? {
          ...(version.trim() ? {} : { version: 'Enter a version, such as 2026-01.' }),
          ...(text.trim() ? {} : { text: 'Enter the text users sign.' }),
        }
      : {};
    setProblems(found);
    if (found.version || found.text) return;
    save.mutate(
      { userAgreement: required ? { version: version.trim(), text } : null },
      {
        onSuccess: (next) => {
          setSaved(next.userAgreement);
          notifications.show({
            color: 'teal',
            title: 'User agreement saved',
            message: next.userAgreement
              ? `Users who have not signed version ${next.userAgreement.version} are asked to sign it.`
              : 'Users are no longer asked to sign an agreement.',
          });
        },
      },
    );
  }

  const newVersion = required && saved !== null && version.trim() !== '' && version.trim() !== saved.version;
  const textOnly = required && saved !== null && version.trim() === saved.version && text !== saved.text;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} fields={FIELDS} />
        <Switch
          label="Require a user agreement"
          description="Users read and sign it at their first sign-in, once a year, and whenever the version changes."
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        {required && (
          <>
            <TextInput
              label="Version"
              description="Changing the version asks every user to sign again."
              required
              maxLength={50}
              value={version}
              onChange={(e) => setVersion(e.currentTarget.value)}
              error={problems.version ?? err('userAgreement.version')}
              maw={320}
            />
            <Textarea
              label="Agreement text"
              description="Plain text; line breaks are kept."
              required
              autosize
              minRows={8}
              maxRows={20}
              maxLength={20_000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={problems.text ?? err('userAgreement.text')}
            />
          </>
        )}
        {newVersion && (
          <Alert color="blue" variant="light">
            Once saved, every user, you included, is asked to sign version “{version.trim()}”.
          </Alert>
        )}
        {textOnly && (
          <Alert color="yellow" variant="light">
            Users who signed version “{saved?.version}” are not asked again. Change the version if they should read the
            new text.
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save user agreement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
