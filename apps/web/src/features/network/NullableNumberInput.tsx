import { Checkbox, Fieldset, NumberInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { type NumberDraft, numberDraft } from './securityDraft';

/**
 * A limit that may also be "none" (null): a checkbox ("Never", "Until an administrator unlocks") and
 * the number, which is kept aside while the box is ticked and comes back when it is cleared.
 */
export function NullableNumberInput({
  legend,
  nullLabel,
  label,
  description,
  value,
  onChange,
  min,
  max,
  fallback,
  error,
}: {
  legend: string;
  nullLabel: string;
  label: string;
  description?: ReactNode;
  value: NumberDraft | null;
  onChange: (value: NumberDraft | null) => void;
  min: number;
  max: number;
  /** The number offered when the box is cleared and none was typed before. */
  fallback: number;
  error?: ReactNode;
}) {
  const [kept, setKept] = useState<NumberDraft>(value ?? fallback);
  const none = value === null;
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      <Stack gap={8}>
        <Checkbox
          label={nullLabel}
          checked={none}
          onChange={(e) => {
            if (e.currentTarget.checked) {
              if (value !== null) setKept(value);
              onChange(null);
            } else onChange(kept === '' ? fallback : kept);
          }}
        />
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          disabled={none}
          value={none ? '' : value}
          onChange={(v) => onChange(numberDraft(v))}
          error={none ? undefined : error}
        />
      </Stack>
    </Fieldset>
  );
}
