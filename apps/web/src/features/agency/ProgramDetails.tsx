import { Anchor, Badge, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { EditButton, Section } from '../../components/Section';
import type { Program } from '../../lib/types';
import { useCan } from '../session/useSession';
import { ProgramFormModal } from './ProgramEditForm';
import { useProgram } from './queries';

function address(p: Program): string | null {
  const place = [p.city, [p.state, p.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [p.addressLine1, place].filter(Boolean).join(', ') || null;
}

function list(values: string[]): string | null {
  return values.length ? values.join(', ') : null;
}

export function ReferralBadge({ status }: { status: string }) {
  return status === 'open' ? (
    <Badge color="teal.8">Open</Badge>
  ) : (
    <Badge color="gray.8" variant="outline">
      Closed
    </Badge>
  );
}

/** ND-2: the acting program's public details; editable with organization:write. */
export function ProgramDetails({ programId }: { programId: string }) {
  const { data: program, isPending, error } = useProgram(programId);
  const can = useCan();
  const [editing, { open, close }] = useDisclosure(false);

  return (
    <Section
      id="program-details-heading"
      title="Program details"
      action={program && can('organization:write') && <EditButton onClick={open}>Edit details</EditButton>}
    >
      {isPending && <LoadingBlock label="Loading program details" />}
      <ErrorAlert error={error} title="Could not load the program" />
      {program && (
        <>
          <Text fw={700} size="lg">
            {program.name}
          </Text>
          <Text mb={program.description ? 'xs' : 'md'}>{program.organizationName}</Text>
          {program.description && <Text mb="md">{program.description}</Text>}
          <DetailList
            items={[
              { label: 'Address', value: address(program) },
              { label: 'Phone', value: program.phone },
              {
                label: 'Email',
                value: program.email && <Anchor href={`mailto:${program.email}`}>{program.email}</Anchor>,
              },
              {
                label: 'Website',
                value: program.website && (
                  <Anchor href={program.website} target="_blank" rel="noreferrer">
                    {program.website}
                  </Anchor>
                ),
              },
              { label: 'Regions served', value: list(program.regions) },
              { label: 'Counties served', value: list(program.counties) },
              { label: 'Referral status', value: <ReferralBadge status={program.referralStatus} /> },
            ]}
          />
          <ProgramFormModal
            opened={editing}
            onClose={close}
            program={program}
            title="Edit program details"
            submitLabel="Save details"
            successMessage="Program details saved"
          />
        </>
      )}
    </Section>
  );
}
