import { Anchor, Stack } from '@mantine/core';
import { COVERAGE_STATUSES, GENDER_IDENTITIES, MILITARY_SERVICE, RACES } from '@portico/shared';
import { DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { CompletenessBadge } from './CompletenessBadge';
import type { Client } from './types';

const labelOf = (codes: Record<string, string>, code: string | null) => (code ? (codes[code] ?? code) : null);

/** MT-8 / CI-1: the saved profile, section by section, each with its completeness. */
export function ClientProfile({ client: c }: { client: Client }) {
  return (
    <Stack gap="lg">
      <Section
        id="client-personal"
        title="Personal"
        action={<CompletenessBadge section="personal" complete={c.completeness.personal} />}
      >
        <DetailList
          items={[
            { label: 'Legal name', value: `${c.firstName} ${c.lastName}` },
            { label: 'Date of birth', value: formatDate(c.birthDate) },
            { label: 'Gender identity', value: labelOf(GENDER_IDENTITIES, c.genderIdentity) },
            { label: 'Race', value: c.race.map((r) => labelOf(RACES, r)).join(', ') },
            { label: 'Military service', value: labelOf(MILITARY_SERVICE, c.militaryService) },
          ]}
        />
      </Section>
      <Section
        id="client-contact"
        title="Contact"
        action={<CompletenessBadge section="contact" complete={c.completeness.contact} />}
      >
        <DetailList
          items={[
            { label: 'Street address', value: c.noFixedAddress ? 'No fixed address (homeless)' : c.addressLine },
            { label: 'City', value: c.city },
            { label: 'County', value: c.county },
            { label: 'State', value: c.state },
            { label: 'ZIP code', value: c.postalCode },
            {
              label: 'Phone',
              value: c.noPhone ? 'No phone' : c.phone && <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor>,
            },
          ]}
        />
      </Section>
      <Section
        id="client-coverage"
        title="Coverage"
        action={<CompletenessBadge section="coverage" complete={c.completeness.coverage} />}
      >
        <DetailList
          items={[
            { label: 'Member ID', value: c.memberId },
            { label: 'Coverage start', value: c.coverageStart && formatDate(c.coverageStart) },
            { label: 'Coverage end', value: c.coverageEnd && formatDate(c.coverageEnd) },
            { label: 'Coverage type', value: c.coverageType },
            { label: 'Coverage status', value: labelOf(COVERAGE_STATUSES, c.coverageStatus) },
            { label: 'Product', value: c.product },
          ]}
        />
      </Section>
    </Stack>
  );
}
