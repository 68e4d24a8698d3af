import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useCan, useSession } from '../session/useSession';
import { AddContactModal } from './AddContactModal';
import { ContactsTable } from './ContactsTable';
import { OrganizationDetails } from './OrganizationDetails';
import { ProgramDetails } from './ProgramDetails';
import { ProgramDirectorySection } from './ProgramDirectorySection';

/** ND-2: the acting program's details and its contact list. */
export function AgencyPage() {
  const { data: session } = useSession();
  const can = useCan();
  const [adding, { open, close }] = useDisclosure(false);
  const acting = session?.acting;
  if (!acting) return null;
  const canManage = can('contacts:write');

  return (
    <Stack gap="lg">
      <PageHeader title="Agency" />
      <ProgramDetails programId={acting.programId} />
      <ProgramDirectorySection programId={acting.programId} />
      <OrganizationDetails organizationId={acting.organizationId} />
      {can('contacts:read') && (
        <Section
          id="contacts-heading"
          title="Contacts"
          action={
            canManage && (
              <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
                Add contact
              </Button>
            )
          }
        >
          <ContactsTable programId={acting.programId} canManage={canManage} />
          <AddContactModal programId={acting.programId} opened={adding} onClose={close} />
        </Section>
      )}
    </Stack>
  );
}
