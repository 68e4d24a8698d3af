import { Fieldset, NumberInput, SimpleGrid } from '@mantine/core';
import { NullableNumberInput } from './NullableNumberInput';
import { numberDraft, type SecurityDraft } from './securityDraft';

type Limits = Omit<SecurityDraft, 'password' | 'secondFactor' | 'allowTemporaryPassword'>;

/** Lockout, expiry and session lengths of the sign-in rules form. */
export function LimitsFields({
  value,
  onChange,
  errorOf,
}: {
  value: Limits;
  onChange: (patch: Partial<Limits>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const number = (key: 'maxFailedAttempts' | 'sessionIdleMinutes' | 'sessionAbsoluteHours') => ({
    value: value[key],
    onChange: (v: number | string) => onChange({ [key]: numberDraft(v) }),
    error: errorOf(`security.${key}`),
    allowDecimal: false,
    allowNegative: false,
  });
  return (
    <>
      <Fieldset legend="Lockout">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label="Failed attempts before the account locks"
            description="Wrong passwords, passcodes or app codes in a row (1 to 100)."
            min={1}
            max={100}
            {...number('maxFailedAttempts')}
          />
          <NullableNumberInput
            legend="How long an account stays locked"
            nullLabel="Until an administrator unlocks"
            label="Minutes locked"
            description="1 to 1440 (a day)."
            min={1}
            max={24 * 60}
            fallback={15}
            value={value.lockoutMinutes}
            onChange={(v) => onChange({ lockoutMinutes: v })}
            error={errorOf('security.lockoutMinutes')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Expiry">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NullableNumberInput
            legend="Passwords expire"
            nullLabel="Never"
            label="Days until a password must be changed"
            description="1 to 3650."
            min={1}
            max={3650}
            fallback={365}
            value={value.passwordLifetimeDays}
            onChange={(v) => onChange({ passwordLifetimeDays: v })}
            error={errorOf('security.passwordLifetimeDays')}
          />
          <NullableNumberInput
            legend="Unused accounts are suspended"
            nullLabel="Never"
            label="Days without signing in before suspension"
            description="1 to 3650. An administrator reactivates a suspended account."
            min={1}
            max={3650}
            fallback={60}
            value={value.inactivitySuspendDays}
            onChange={(v) => onChange({ inactivitySuspendDays: v })}
            error={errorOf('security.inactivitySuspendDays')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Sessions">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label="Sign out after inactivity (minutes)"
            description="1 to 1440."
            min={1}
            max={24 * 60}
            {...number('sessionIdleMinutes')}
          />
          <NumberInput
            label="Longest session (hours)"
            description="Signed out after this, however active (1 to 720)."
            min={1}
            max={24 * 30}
            {...number('sessionAbsoluteHours')}
          />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
