import { Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CONTACT_DETAIL_FIELDS, type ContactDetails } from '@portico/shared';
import { orNull } from '../../lib/format';

/** The Norfolk contact form (NCC-5) minus the portal email, which is the contact's sign-in address. */
type DetailKey = Exclude<keyof ContactDetails, 'portalEmail'>;
export type ContactDetailsValues = Record<DetailKey, string>;

const GROUPS: { legend: string; fields: DetailKey[]; cols: number }[] = [
  { legend: 'Name', fields: ['title', 'forename', 'surname'], cols: 3 },
  {
    legend: 'Address',
    fields: ['addressLine1', 'addressLine2', 'addressLine3', 'town', 'county', 'postcode'],
    cols: 2,
  },
  { legend: 'Phones', fields: ['mobile', 'telephone'], cols: 2 },
  { legend: 'Emails', fields: ['email'], cols: 1 },
  { legend: 'Role', fields: ['role'], cols: 1 },
];
const KEYS = GROUPS.flatMap((g) => g.fields);
/** Server field names of these inputs, for the form's error summary. */
export const CONTACT_DETAIL_ERROR_FIELDS = KEYS.map((k) => `contact.${k}`);

const INPUT_TYPE: Partial<Record<DetailKey, string>> = { mobile: 'tel', telephone: 'tel', email: 'email' };
const LABEL: Partial<Record<DetailKey, string>> = { email: 'Contact email', role: 'Role in the organisation' };

export function detailValues(contact: ContactDetails | null | undefined): ContactDetailsValues {
  return Object.fromEntries(KEYS.map((k) => [k, contact?.[k] ?? ''])) as ContactDetailsValues;
}

/** The body's `contact`: empty inputs are null; the portal email is the sign-in email. */
export function detailBody(values: ContactDetailsValues, portalEmail: string): ContactDetails {
  return { ...Object.fromEntries(KEYS.map((k) => [k, orNull(values[k])])), portalEmail: orNull(portalEmail) };
}

export function ContactDetailsFields({
  values,
  onChange,
  err,
}: {
  values: ContactDetailsValues;
  onChange: (next: ContactDetailsValues) => void;
  err: (field: string) => string | undefined;
}) {
  return (
    <Stack gap="sm">
      {GROUPS.map((group) => (
        <Fieldset key={group.legend} legend={group.legend} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: group.cols }}>
            {group.fields.map((k) => (
              <TextInput
                key={k}
                label={LABEL[k] ?? CONTACT_DETAIL_FIELDS[k]}
                type={INPUT_TYPE[k] ?? 'text'}
                autoComplete="off"
                value={values[k]}
                onChange={(e) => onChange({ ...values, [k]: e.currentTarget.value })}
                error={err(`contact.${k}`)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}
