import { Alert, Button, Checkbox, Group, Radio, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SecondFactor, SecurityPolicy } from '@portico/shared';
import { type FormEvent, useState } from 'react';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { LimitsFields } from './LimitsFields';
import { PasswordRulesFields } from './PasswordRulesFields';
import { useSavePolicy } from './queries';
import { draftProblems, type SecurityDraft, securityFields, securityOf } from './securityDraft';

const FACTOR_NAMES: Record<SecondFactor, string> = {
  none: 'no second factor',
  passcode: 'a 6-digit passcode',
  totp: 'an authenticator app',
};

/** NCC-1, MT-1, NIST: the network's sign-in rules, saved as a whole. */
export function SignInRulesForm({ initial }: { initial: SecurityPolicy }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SecurityDraft>(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useSavePolicy();
  const err = fieldErrorGetter(save.error);
  const errorOf = (field: string) => problems[field] ?? err(field);
  const set = (patch: Partial<SecurityDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = draftProblems(draft);
    setProblems(found);
    const security = securityOf(draft);
    if (!security) return;
    save.mutate(
      { security },
      {
        onSuccess: (next) => {
          setSaved(next.security);
          setDraft(next.security);
          notifications.show({
            color: 'teal',
            title: 'Sign-in rules saved',
            message: 'They apply from the next sign-in.',
          });
        },
      },
    );
  }

  const factorChanged = draft.secondFactor !== saved.secondFactor && draft.secondFactor !== 'none';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError error={save.error} fields={securityFields(draft)} />
        <PasswordRulesFields
          value={draft.password}
          onChange={(patch) => setDraft((d) => ({ ...d, password: { ...d.password, ...patch } }))}
          errorOf={errorOf}
        />
        <LimitsFields value={draft} onChange={set} errorOf={errorOf} />
        <Radio.Group
          label="Second factor after the password"
          description="What users give after their password each time they sign in."
          value={draft.secondFactor}
          onChange={(v) => set({ secondFactor: v as SecondFactor })}
          error={errorOf('security.secondFactor')}
        >
          <Stack gap="sm" mt="xs">
            <Radio value="none" label="None" description="The password alone." />
            <Radio
              value="passcode"
              label="6-digit passcode"
              description="Each user chooses one at their first sign-in."
            />
            <Radio
              value="totp"
              label="Authenticator app"
              description="A code from an app on the user’s phone, with single-use recovery codes."
            />
          </Stack>
        </Radio.Group>
        {factorChanged && (
          <Alert color="blue" variant="light">
            Once saved, everyone in the network, you included, sets up {FACTOR_NAMES[draft.secondFactor]} at their next
            sign-in.
          </Alert>
        )}
        <Checkbox
          label="Allow temporary passwords"
          description="Administrators may email a user a temporary password, which the user changes at the next sign-in."
          checked={draft.allowTemporaryPassword}
          onChange={(e) => set({ allowTemporaryPassword: e.currentTarget.checked })}
          error={errorOf('security.allowTemporaryPassword')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save sign-in rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
