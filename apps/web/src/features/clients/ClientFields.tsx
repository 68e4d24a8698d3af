import { Checkbox, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { COVERAGE_STATUSES, GENDER_IDENTITIES, MILITARY_SERVICE, RACES } from '@portico/shared';
import { Section } from '../../components/Section';
import { textBinder } from '../../components/textBinder';
import { CompletenessBadge } from './CompletenessBadge';
import { missingOf, type ProfileValues } from './profile';

const options = (codes: Record<string, string>) => Object.entries(codes).map(([value, label]) => ({ value, label }));
const GENDER_OPTIONS = options(GENDER_IDENTITIES);
const RACE_OPTIONS = options(RACES);
const MILITARY_OPTIONS = options(MILITARY_SERVICE);
const STATUS_OPTIONS = options(COVERAGE_STATUSES);

type Setter = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) => void;

interface Props {
  values: ProfileValues;
  set: Setter;
  err: (field: string) => string | undefined;
  /** Prefix of the section heading ids, so two forms never share one. */
  idPrefix: string;
}

/** MT-8 profile in three sections, each with its completeness as the user types; CI-1 coverage is optional. */
export function ClientFields({ values, set, err, idPrefix }: Props) {
  const text = textBinder(values, set, err);
  const missing = missingOf(values);
  const choice = (key: 'genderIdentity' | 'militaryService' | 'coverageStatus') => ({
    value: values[key] || null,
    onChange: (v: string | null) => set(key, v ?? ''),
    error: err(key),
    clearable: true,
  });
  return (
    <Stack gap="lg">
      <Section
        id={`${idPrefix}-personal`}
        title="Personal"
        action={<CompletenessBadge section="personal" missing={missing.personal} />}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <TextInput label="Legal first name" required autoComplete="off" {...text('firstName')} />
          <TextInput label="Legal last name" required autoComplete="off" {...text('lastName')} />
          <TextInput label="Date of birth" type="date" required {...text('birthDate')} />
          <Select label="Gender identity" data={GENDER_OPTIONS} {...choice('genderIdentity')} />
          <MultiSelect
            label="Race"
            description="Choose all that apply"
            data={RACE_OPTIONS}
            value={values.race}
            onChange={(v) => set('race', v)}
            error={err('race')}
            clearable
          />
          <Select label="Military service" data={MILITARY_OPTIONS} {...choice('militaryService')} />
        </SimpleGrid>
      </Section>
      <Section
        id={`${idPrefix}-contact`}
        title="Contact"
        action={<CompletenessBadge section="contact" missing={missing.contact} />}
      >
        <Stack gap="md">
          <Checkbox
            label="No fixed address (homeless)"
            description="City, county and ZIP code are still needed: where the client stays."
            checked={values.noFixedAddress}
            onChange={(e) => set('noFixedAddress', e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <TextInput
              label="Street address"
              required={!values.noFixedAddress}
              disabled={values.noFixedAddress}
              {...text('addressLine')}
              value={values.noFixedAddress ? '' : values.addressLine}
            />
            <TextInput label="City" required {...text('city')} />
            <TextInput label="County" required {...text('county')} />
            <TextInput label="State" {...text('state')} />
            <TextInput label="ZIP code" required {...text('postalCode')} />
            <TextInput
              label="Phone"
              type="tel"
              disabled={values.noPhone}
              {...text('phone')}
              value={values.noPhone ? '' : values.phone}
            />
          </SimpleGrid>
          <Checkbox
            label="No phone"
            checked={values.noPhone}
            onChange={(e) => set('noPhone', e.currentTarget.checked)}
          />
        </Stack>
      </Section>
      <Section
        id={`${idPrefix}-coverage`}
        title="Coverage"
        description={<Text size="sm">Optional: the client’s health-plan membership.</Text>}
        action={<CompletenessBadge section="coverage" missing={missing.coverage} />}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <TextInput label="Member ID" autoComplete="off" {...text('memberId')} />
          <TextInput label="Coverage start" type="date" {...text('coverageStart')} />
          <TextInput label="Coverage end" type="date" {...text('coverageEnd')} />
          <TextInput label="Coverage type" {...text('coverageType')} />
          <Select label="Coverage status" data={STATUS_OPTIONS} {...choice('coverageStatus')} />
          <TextInput label="Product" {...text('product')} />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
