import { Anchor, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { DetailList } from '../../components/DetailList';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { EditButton } from '../../components/Section';
import type { Program } from '../../lib/types';
import { ReferralBadge } from '../agency/ProgramDetails';
import { ProgramFormModal } from '../agency/ProgramEditForm';
import { useCan } from '../session/useSession';
import { OrganizationFormModal } from './OrganizationFormModal';
import { useOrganization, usePrograms } from './queries';

/** One organization: its details and its programs, with add and edit for network administrators. */
export function OrganizationPanel({ organizationId }: { organizationId: string }) {
  const organization = useOrganization(organizationId);
  const programs = usePrograms(organizationId);
  const can = useCan();
  const [editingOrganization, setEditingOrganization] = useState(false);
  const [addingProgram, setAddingProgram] = useState(false);
  const [editingProgram, setEditingProgram] = useState<Program | null>(null);
  const org = organization.data;
  const rows = programs.data?.pages.flatMap((p) => p.items) ?? [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(org);

  // Choosing an organization from the list below moves focus (and the view) to its details.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <Paper component="section" withBorder p="lg" aria-labelledby="organization-heading">
      <ErrorAlert error={organization.error} title="Could not load the organization" />
      {organization.isPending && <LoadingBlock label="Loading organization" />}
      {org && (
        <Stack gap="lg">
          <Group justify="space-between">
            <Title order={2} size="h3" id="organization-heading" ref={headingRef} tabIndex={-1}>
              {org.name}
            </Title>
            <Group gap="sm">
              {can('audit:read') && (
                <Button
                  component={Link}
                  to={`/audit?entityType=organization&entityId=${org.id}`}
                  variant="subtle"
                  leftSection={<IconHistory size={16} aria-hidden />}
                >
                  Audit log
                </Button>
              )}
              <EditButton onClick={() => setEditingOrganization(true)}>Edit organization</EditButton>
            </Group>
          </Group>
          <DetailList
            items={[
              { label: 'Tax ID', value: org.taxId },
              { label: 'Phone', value: org.phone },
              { label: 'Email', value: org.email },
              { label: 'Website', value: org.website },
            ]}
          />
          <Group justify="space-between">
            <Title order={3} size="h4">
              Programs
            </Title>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAddingProgram(true)}>
              Add program
            </Button>
          </Group>
          <ErrorAlert error={programs.error} title="Could not load programs" />
          {programs.isPending && <LoadingBlock label="Loading programs" />}
          {programs.isSuccess && rows.length === 0 && <EmptyState>This organization has no programs yet.</EmptyState>}
          {rows.length > 0 && (
            <DataTable
              minWidth={640}
              verticalSpacing="sm"
              columns={['Program', 'City', 'Phone', 'Referrals']}
              hiddenColumns={['Actions']}
            >
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{[p.city, p.state].filter(Boolean).join(', ') || '—'}</Table.Td>
                  <Table.Td>{p.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <ReferralBadge status={p.referralStatus} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Edit ${p.name}`}
                      onClick={() => setEditingProgram(p)}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          <LoadMore pages={programs} />
          <Anchor component={Link} to="/organizations" size="sm">
            Close this organization
          </Anchor>
          <OrganizationFormModal
            opened={editingOrganization}
            onClose={() => setEditingOrganization(false)}
            organization={org}
          />
          <ProgramFormModal
            opened={addingProgram}
            onClose={() => setAddingProgram(false)}
            organizationId={org.id}
            title={`Add program to ${org.name}`}
            submitLabel="Save program"
            successMessage="Program added"
          />
          <ProgramFormModal
            opened={editingProgram !== null}
            onClose={() => setEditingProgram(null)}
            program={editingProgram ?? undefined}
            title="Edit program"
            submitLabel="Save program"
            successMessage="Program updated"
          />
        </Stack>
      )}
    </Paper>
  );
}
