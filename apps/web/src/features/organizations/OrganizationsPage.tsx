import { Anchor, Button, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { OrganizationFormModal } from './OrganizationFormModal';
import { OrganizationPanel } from './OrganizationPanel';
import { useOrganizations } from './queries';

/** Network administrators: every organization of the network and its programs. */
export function OrganizationsPage() {
  const [params] = useSearchParams();
  const selected = params.get('organization');
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizations(q);
  const [adding, { open, close }] = useDisclosure(false);
  const rows = organizations.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Organizations"
        description="Organizations of the network and their programs."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            Add organization
          </Button>
        }
      />
      {selected && <OrganizationPanel key={selected} organizationId={selected} />}
      <section aria-label="All organizations">
        <TextInput
          label="Search organizations"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={420}
          mb="md"
        />
        <ErrorAlert error={organizations.error} title="Could not load organizations" />
        {organizations.isPending && <LoadingBlock label="Loading organizations" />}
        {organizations.isSuccess && rows.length === 0 && (
          <EmptyState>{q ? `No organization matches “${q}”.` : 'No organizations yet.'}</EmptyState>
        )}
        {rows.length > 0 && (
          <DataTable
            minWidth={640}
            highlightOnHover
            verticalSpacing="sm"
            columns={['Name', 'Phone', 'Email', 'Website']}
          >
            {rows.map((o) => (
              <Table.Tr key={o.id} bg={o.id === selected ? 'teal.0' : undefined}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/organizations?organization=${o.id}`}
                    fw={600}
                    aria-current={o.id === selected ? 'true' : undefined}
                  >
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{o.phone ?? '—'}</Table.Td>
                <Table.Td>{o.email ?? '—'}</Table.Td>
                <Table.Td>{o.website ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        <LoadMore pages={organizations} />
      </section>
      <OrganizationFormModal
        opened={adding}
        onClose={close}
        onSaved={(saved) => navigate(`/organizations?organization=${saved.id}`)}
      />
    </Stack>
  );
}
