import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { INSURANCE, type InsuranceCode } from '@portico/shared';
import { DetailList } from '../../components/DetailList';
import { formatDay } from '../../lib/format';
import { ReferralBadge } from '../agency/ProgramDetails';
import type { DirectoryEntry } from './types';

const insuranceLabel = (code: string) => INSURANCE[code as InsuranceCode] ?? code;
const list = (xs: string[]) => (xs.length ? xs.join(', ') : null);

function telemedicineText(e: DirectoryEntry): string | null {
  if (!e.telemedicine) return null;
  return e.telemedicineCounties.length ? `Yes, to ${e.telemedicineCounties.join(', ')}` : 'Yes, to every county';
}

/** One program of the directory: what a referrer needs to choose it (MT-9). */
export function DirectoryCard({ entry, showAgreement }: { entry: DirectoryEntry; showAgreement: boolean }) {
  const headingId = `program-${entry.id}`;
  return (
    <Paper component="article" withBorder p="lg" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {entry.name}
          </Title>
          <Text>
            {entry.organization.name}
            {entry.city ? ` · ${entry.city}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          {entry.matchedByTelemedicine && (
            <Badge color="indigo.8" variant="light" title="Serves the chosen county by telemedicine">
              Telemedicine
            </Badge>
          )}
          <ReferralBadge status={entry.referralStatus} />
        </Group>
      </Group>
      {entry.services.length > 0 && (
        <Group gap={6} mb="md" aria-label="Services">
          {entry.services.map((s) => (
            <Badge key={s.id} variant="outline" color="teal.9" tt="none">
              {s.name}
            </Badge>
          ))}
        </Group>
      )}
      <Stack gap="sm">
        <DetailList
          items={[
            { label: 'Counties served', value: list(entry.counties) },
            { label: 'Telemedicine', value: telemedicineText(entry) ?? 'No' },
            { label: 'Insurance accepted', value: list(entry.insurance.map(insuranceLabel)) },
            { label: 'Languages', value: list(entry.languages) },
            { label: 'Hours', value: entry.hours },
            { label: 'Eligibility', value: entry.eligibility },
            { label: 'Phone', value: entry.phone && <Anchor href={`tel:${entry.phone}`}>{entry.phone}</Anchor> },
            {
              label: 'Email',
              value: entry.email && <Anchor href={`mailto:${entry.email}`}>{entry.email}</Anchor>,
            },
            {
              label: 'Website',
              value: entry.website && (
                <Anchor href={entry.website} target="_blank" rel="noreferrer">
                  {entry.website}
                </Anchor>
              ),
            },
            ...(showAgreement
              ? [{ label: 'Agency agreement valid until', value: formatDay(entry.agreementValidUntil) }]
              : []),
          ]}
        />
      </Stack>
    </Paper>
  );
}
