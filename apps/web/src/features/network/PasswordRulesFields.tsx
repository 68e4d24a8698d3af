import { Checkbox, Fieldset, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import type { SecurityDraft } from './securityDraft';
import { numberDraft } from './securityDraft';

type PasswordDraft = SecurityDraft['password'];

const CHECKS: { key: keyof PasswordDraft; label: string; description?: string }[] = [
  { key: 'requireUpper', label: 'Require an upper-case letter' },
  { key: 'requireLower', label: 'Require a lower-case letter' },
  { key: 'requireLetter', label: 'Require a letter', description: 'Upper or lower case.' },
  { key: 'requireSymbol', label: 'Require a symbol', description: 'Such as ! # or -.' },
  {
    key: 'rejectCommon',
    label: 'Refuse commonly used passwords',
    description: 'Checked against a list of about 49,000 common and breached passwords.',
  },
  {
    key: 'rejectEmailName',
    label: 'Refuse passwords containing the email name',
    description: 'The part of the user’s email address before the @.',
  },
];

/** The password rules of the sign-in rules form; `errorOf` names a field as the server does. */
export function PasswordRulesFields({
  value,
  onChange,
  errorOf,
}: {
  value: PasswordDraft;
  onChange: (patch: Partial<PasswordDraft>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const number = (key: 'minLength' | 'minLengthWithSecondFactor' | 'minDigits') => ({
    value: value[key],
    onChange: (v: number | string) => onChange({ [key]: numberDraft(v) }),
    error: errorOf(`security.password.${key}`),
    allowDecimal: false,
    allowNegative: false,
  });
  return (
    <Fieldset legend="Passwords">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label="Minimum length"
            description="Characters, when the password is the only factor (8 to 64)."
            min={8}
            max={64}
            {...number('minLength')}
          />
          <NumberInput
            label="Minimum length with a second factor"
            description="Characters, when a passcode or app code is also asked (8 to 64)."
            min={8}
            max={64}
            {...number('minLengthWithSecondFactor')}
          />
          <NumberInput
            label="Minimum number of digits"
            description="0 to 10."
            min={0}
            max={10}
            {...number('minDigits')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {CHECKS.map((c) => (
            <Checkbox
              key={c.key}
              label={c.label}
              description={c.description}
              checked={value[c.key] === true}
              onChange={(e) => onChange({ [c.key]: e.currentTarget.checked })}
              error={errorOf(`security.password.${c.key}`)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
