import { Checkbox, Fieldset, Input, Stack } from '@mantine/core';
import { INFO_TYPES, SENSITIVE_INFO_TYPES } from '@portico/shared';

interface Props {
  infoTypes: string[];
  sensitiveTypes: string[];
  onInfoTypes: (value: string[]) => void;
  onSensitiveTypes: (value: string[]) => void;
  err: (field: string) => string | undefined;
}

/** MT-9: what the consent discloses; each sensitive category is its own explicit authorization. */
export function InfoTypesFields({ infoTypes, sensitiveTypes, onInfoTypes, onSensitiveTypes, err }: Props) {
  const toggleSensitive = (code: string, checked: boolean) =>
    onSensitiveTypes(checked ? [...sensitiveTypes, code] : sensitiveTypes.filter((c) => c !== code));
  return (
    <Stack gap="lg">
      <Checkbox.Group
        label="Types of information"
        description="Tick each type the client agrees to share; at least one."
        required
        value={infoTypes}
        onChange={onInfoTypes}
        error={err('infoTypes')}
      >
        <Stack gap="xs" mt="xs">
          {Object.entries(INFO_TYPES).map(([code, label]) => (
            <Checkbox key={code} value={code} label={label} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Fieldset legend="Sensitive information — each needs its own explicit tick" variant="unstyled">
        <Stack gap="xs" mt="xs">
          {Object.entries(SENSITIVE_INFO_TYPES).map(([code, label]) => (
            <Checkbox
              key={code}
              label={`I authorize sharing: ${label}`}
              checked={sensitiveTypes.includes(code)}
              onChange={(e) => toggleSensitive(code, e.currentTarget.checked)}
            />
          ))}
        </Stack>
        {err('sensitiveTypes') && <Input.Error mt="xs">{err('sensitiveTypes')}</Input.Error>}
      </Fieldset>
    </Stack>
  );
}
