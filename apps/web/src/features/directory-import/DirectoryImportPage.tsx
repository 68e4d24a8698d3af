import { Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { ImportReport, ProblemTable, StatusText } from './ImportReport';
import { type DirectoryImport, useImport, useImports, useStartImport } from './queries';

/** Network administrators import and export the directory in Open Referral HSDS 3.0. */
export function DirectoryImportPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [shown, setShown] = useState<DirectoryImport | null>(null);
  const start = useStartImport();
  const current = useImport(currentId);
  const past = useImports();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) return;
    start.mutate(files, {
      onSuccess: (run) => {
        setCurrentId(run.id);
        setFiles([]);
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Directory import"
        description="Bring organizations and programs in from Open Referral HSDS 3.0 files, or download the directory in that format."
        actions={
          <>
            <Button
              component="a"
              href="/api/directory/export?format=json"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download HSDS JSON
            </Button>
            <Button
              component="a"
              href="/api/directory/export?format=csv"
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Download tabular package (.zip)
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" mb="lg" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <FileInput
            label="HSDS files"
            description="One JSON file (a service, an organization, a list or an API page), or a tabular package: its datapackage.json with all its CSV files. Records are matched by their HSDS id, so importing a file again updates in place."
            placeholder="Choose files"
            // Mantine's default placeholder grey is below 4.5:1 contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            multiple
            clearable
            accept=".json,.csv,application/json,text/csv"
            value={files}
            onChange={setFiles}
          />
          <ErrorAlert error={start.error} title="The import could not start" />
          <Group>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!files.length}
              loading={start.isPending}
            >
              Import
            </Button>
          </Group>
          {current.data && <ImportReport run={current.data} />}
          <ErrorAlert error={current.error} title="Could not read the import's progress" />
        </Stack>
      </Paper>

      <Title order={2} size="h3" mb="sm">
        Past imports
      </Title>
      <ErrorAlert error={past.error} title="Could not load past imports" />
      {past.isPending && <LoadingBlock label="Loading past imports" />}
      {past.isSuccess && past.data.items.length === 0 && <EmptyState>No import yet.</EmptyState>}
      {past.isSuccess && past.data.items.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Files</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {past.data.items.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>{formatDateTime(run.createdAt)}</Table.Td>
                <Table.Td>{run.fileName}</Table.Td>
                <Table.Td>
                  <StatusText run={run} />
                  {run.errors.length > 0 && (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setShown(shown?.id === run.id ? null : run)}
                    >
                      {shown?.id === run.id ? 'Hide problems' : 'Show problems'}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && (
        <Stack mt="md" gap="xs">
          <Text fw={700}>Problems of the import of {formatDateTime(shown.createdAt)}</Text>
          <ProblemTable run={shown} />
        </Stack>
      )}
    </>
  );
}
