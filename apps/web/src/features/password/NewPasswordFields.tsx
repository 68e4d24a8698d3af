import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

export interface NewPasswordValue {
  password: string;
  repeat: string;
}

/** What the browser can tell before sending: something typed, and typed the same twice. */
export function checkNewPassword(value: NewPasswordValue): { password?: string; repeat?: string } {
  if (!value.password) return { password: 'Enter a new password.' };
  if (value.password !== value.repeat) return { repeat: 'The two passwords are not the same. Type it again.' };
  return {};
}

/**
 * "New password" and "Repeat new password". The server checks the network's rules and names each
 * rule a password fails; those messages come in as `passwordError`.
 */
export function NewPasswordFields({
  value,
  onChange,
  passwordError,
  repeatError,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  passwordError?: ReactNode;
  repeatError?: ReactNode;
}) {
  return (
    <>
      <TextInput
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={passwordError}
      />
      <TextInput
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.currentTarget.value })}
        error={repeatError}
      />
    </>
  );
}
