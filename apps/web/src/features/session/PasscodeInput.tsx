import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** The 6-digit passcode (NCC-1): numeric keypad on phones, masked like a PIN. */
export function PasscodeInput({
  label,
  value,
  onChange,
  error,
  autoComplete = 'one-time-code',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  autoComplete?: string;
}) {
  return (
    <TextInput
      label={label}
      type="password"
      inputMode="numeric"
      autoComplete={autoComplete}
      maxLength={6}
      required
      value={value}
      // Spaces typed or pasted ("135 790") are not part of the passcode.
      onChange={(e) => onChange(e.currentTarget.value.replace(/\s/g, ''))}
      error={error}
      w={220}
    />
  );
}

export const isPasscode = (value: string) => /^\d{6}$/.test(value);
