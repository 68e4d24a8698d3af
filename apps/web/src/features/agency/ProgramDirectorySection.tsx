import { Anchor, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { INSURANCE, type InsuranceCode } from '@portico/shared';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { DetailList } from '../../components/DetailList';
import { EditButton, Section } from '../../components/Section';
import { formatDay } from '../../lib/format';
import { useTaxonomy } from '../directory/queries';
import { useCan, useNetwork } from '../session/useSession';
import { type DirectoryProgram, ProgramDirectoryFormModal } from './ProgramDirectoryForm';
import { useProgram } from './queries';

const list = (xs: string[] | undefined) => (xs?.length ? xs.join(', ') : null);

/** MT-9: the acting program's directory listing on the Agency page, editable with organization:write. */
export function ProgramDirectorySection({ programId }: { programId: string }) {
  const program = useProgram(programId).data as DirectoryProgram | undefined;
  const taxonomy = useTaxonomy();
  const network = useNetwork().data;
  const can = useCan();
  const [editing, { open, close }] = useDisclosure(false);
  const termNames = useMemo(
    () =>
      new Map(
        (taxonomy.data?.items ?? []).flatMap((t) => [
          [t.id, t.name] as const,
          ...t.children.map((c) => [c.id, c.name] as const),
        ]),
      ),
    [taxonomy.data],
  );
  if (!program) return null;

  const telemedicine = program.telemedicine
    ? program.telemedicineCounties?.length
      ? `Yes, to ${program.telemedicineCounties.join(', ')}`
      : 'Yes, to every county'
    : 'No';
  return (
    <Section
      id="directory-listing-heading"
      title="Directory listing"
      description={
        <Text size="sm">
          How referrers find this program in the{' '}
          <Anchor component={Link} to="/directory">
            directory
          </Anchor>
          .
        </Text>
      }
      action={can('organization:write') && <EditButton onClick={open}>Edit listing</EditButton>}
    >
      <DetailList
        items={[
          { label: 'Services', value: list(program.serviceTermIds?.map((id) => termNames.get(id) ?? id)) },
          { label: 'Telemedicine', value: telemedicine },
          {
            label: 'Insurance accepted',
            value: list(program.insurance?.map((c) => INSURANCE[c as InsuranceCode] ?? c)),
          },
          { label: 'Languages', value: list(program.languages) },
          { label: 'Hours', value: program.hours },
          { label: 'Eligibility', value: program.eligibility },
          ...(network?.requiresAgencyAgreement
            ? [
                {
                  label: 'Agency agreement valid until',
                  value: program.agreementValidUntil
                    ? formatDay(program.agreementValidUntil)
                    : 'Not signed: the program is not listed',
                },
              ]
            : []),
        ]}
      />
      <ProgramDirectoryFormModal opened={editing} onClose={close} program={program} />
    </Section>
  );
}
