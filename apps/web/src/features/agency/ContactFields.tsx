import { MultiSelect, TagsInput, TextInput } from '@mantine/core';
import { useRoleOptions } from './roleOptions';

export interface ContactValues {
  name: string;
  phone: string;
  title: string;
  roles: string[];
  regions: string[];
}

export const CONTACT_FIELDS = ['name', 'phone', 'title', 'roles', 'regions'] as const;

/** The fields a contact shares between "Add contact" and "Edit". */
export function ContactFields({
  values,
  onChange,
  err,
}: {
  values: ContactValues;
  onChange: (next: Partial<ContactValues>) => void;
  err: (field: string) => string | undefined;
}) {
  const roles = useRoleOptions();
  return (
    <>
      <TextInput
        label="Full name"
        required
        autoComplete="off"
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={err('name')}
      />
      <TextInput
        label="Phone"
        type="tel"
        autoComplete="off"
        value={values.phone}
        onChange={(e) => onChange({ phone: e.currentTarget.value })}
        error={err('phone')}
      />
      <TextInput
        label="Job title"
        description="For example Intake coordinator"
        value={values.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        error={err('title')}
      />
      <MultiSelect
        label="Roles"
        required
        data={roles.options}
        placeholder={roles.loading ? 'Loading roles…' : 'Choose one or more'}
        value={values.roles}
        onChange={(v) => onChange({ roles: v })}
        error={err('roles')}
        comboboxProps={{ withinPortal: true }}
      />
      <TagsInput
        label="Regions"
        description="Press Enter after each region"
        value={values.regions}
        onChange={(v) => onChange({ regions: v })}
        error={err('regions')}
      />
    </>
  );
}
