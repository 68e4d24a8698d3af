import { Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { formatDateTime } from '../../lib/format';
import { useAgreementSignatures } from '../agreement/queries';

/** MT-3: who signed which version of the user agreement, and when, newest first. */
export function SignaturesTable() {
  const pages = useAgreementSignatures();
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Signatures
      </Title>
      <Text size="sm">Each signature is the name the user typed, the version and the time, newest first.</Text>
      <ErrorAlert error={pages.error} title="Could not load the signatures" />
      {pages.isPending && <LoadingBlock label="Loading signatures" />}
      {pages.isSuccess && rows.length === 0 && <EmptyState>Nobody has signed the user agreement yet.</EmptyState>}
      {rows.length > 0 && (
        <DataTable minWidth={720} verticalSpacing="xs" columns={['Name', 'Email', 'Version', 'Typed name', 'Signed']}>
          {rows.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>{s.email}</Table.Td>
              <Table.Td>{s.version}</Table.Td>
              <Table.Td>{s.typedName}</Table.Td>
              <Table.Td>{formatDateTime(s.signedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={pages} />
    </Stack>
  );
}
