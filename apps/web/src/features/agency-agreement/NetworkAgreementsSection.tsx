import { Button, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { AGENCY_AGREEMENT_STATUS_CODES, AGENCY_AGREEMENT_STATUSES, type AgencyAgreementStatus } from '@portico/shared';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { formatDay } from '../../lib/format';
import { PublishVersionForm } from './PublishVersionForm';
import { type ProgramAgreement, useAgencyAgreementVersions, useProgramAgreements } from './queries';
import { SignProgramForm } from './SignProgramForm';
import { StatusBadge } from './StatusBadge';

/** MT-4, network administrators: every program's agreement status, the versions, and publishing a new one. */
export function NetworkAgreementsSection({ versionId, name }: { versionId: string | null; name: string }) {
  const [status, setStatus] = useState<AgencyAgreementStatus | 'all'>('all');
  // A network administrator may sign for any program (e.g. one whose gatekeeper has left).
  const [signing, setSigning] = useState<ProgramAgreement | null>(null);
  const programs = useProgramAgreements(status === 'all' ? null : status);
  const versions = useAgencyAgreementVersions(true);
  const rows = programs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Paper component="section" withBorder p="lg" aria-labelledby="all-programs-heading">
        <Title order={2} size="h3" id="all-programs-heading" mb="sm">
          All programs of the network
        </Title>
        <SegmentedControl
          mb="md"
          aria-label="Filter by agreement status"
          value={status}
          onChange={(v) => setStatus(v as AgencyAgreementStatus | 'all')}
          data={[
            { value: 'all', label: 'All' },
            ...AGENCY_AGREEMENT_STATUS_CODES.map((s) => ({ value: s, label: AGENCY_AGREEMENT_STATUSES[s] })),
          ]}
        />
        {programs.isPending ? (
          <LoadingBlock />
        ) : programs.isError ? (
          <ErrorAlert error={programs.error} />
        ) : rows.length === 0 ? (
          <EmptyState>No programs with this status.</EmptyState>
        ) : (
          <DataTable
            minWidth={640}
            columns={['Program', 'Organization', 'Status', 'Last signed']}
            hiddenColumns={[versionId && 'Actions']}
          >
            {rows.map((p) => (
              <Table.Tr key={p.programId}>
                <Table.Td>{p.programName}</Table.Td>
                <Table.Td>{p.organizationName}</Table.Td>
                <Table.Td>
                  <StatusBadge program={p} />
                </Table.Td>
                <Table.Td>
                  {p.signedAt ? `${formatDay(p.signedAt)} by ${p.signerName} (version ${p.version})` : '—'}
                </Table.Td>
                {versionId && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setSigning(p)}
                      aria-label={`Sign for ${p.programName}`}
                    >
                      Sign
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
        <LoadMore pages={programs} />
        <Modal
          opened={Boolean(signing)}
          onClose={() => setSigning(null)}
          title={signing ? `Sign for ${signing.programName}` : ''}
          size="lg"
        >
          {signing && versionId && <SignProgramForm program={signing} versionId={versionId} name={name} startOpen />}
        </Modal>
      </Paper>
      <Paper component="section" withBorder p="lg" aria-labelledby="publish-heading">
        <Title order={2} size="h3" id="publish-heading" mb="xs">
          Publish a new version
        </Title>
        <Text size="sm" mb="md">
          The new text becomes the one gatekeepers sign. Signatures already given stay valid for their 12 months.
        </Text>
        <PublishVersionForm />
        <Title order={3} size="h4" mt="lg" mb="xs">
          Published versions
        </Title>
        {versions.data?.items.length ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>{formatDay(v.publishedAt)}</Table.Td>
                  <Table.Td>{v.publishedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <EmptyState>No version published yet.</EmptyState>
        )}
      </Paper>
    </Stack>
  );
}
