import { Alert, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { type DirectoryImport, isFinished } from './queries';

/** Progress while an import runs, then what it did: counts, or the table of bad records. */
export function ImportReport({ run }: { run: DirectoryImport }) {
  if (!isFinished(run)) {
    const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
    return (
      <Stack gap="xs" aria-live="polite">
        <Text>
          Importing {run.fileName}: {run.total ? `${run.done} of ${run.total} records` : 'checking the records…'}
        </Text>
        <Progress value={percent} aria-label={`Import progress ${percent}%`} animated />
      </Stack>
    );
  }
  if (run.status === 'succeeded') {
    return (
      <Alert color="teal" variant="light" title="Import finished" role="status">
        {run.fileName}: {run.created} created, {run.updated} updated, {run.unchanged} unchanged.
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" title="Nothing was imported" role="alert">
        {run.fileName} has {run.errors.length === 1 ? 'a problem' : `${run.errors.length} problems`}. Correct{' '}
        {run.errors.length === 1 ? 'it' : 'them'} and import the file again; no record of it was saved.
      </Alert>
      <ProblemTable run={run} />
    </Stack>
  );
}

export function ProblemTable({ run }: { run: DirectoryImport }) {
  return (
    <Table striped withTableBorder>
      <Table.Caption>Problems found in {run.fileName}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Record</Table.Th>
          <Table.Th scope="col">Field</Table.Th>
          <Table.Th scope="col">Problem</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.errors.map((e, i) => (
          // Problems have no id; the report's order is fixed.
          <Table.Tr key={i}>
            <Table.Td>{e.record}</Table.Td>
            <Table.Td>{e.field || '—'}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function StatusText({ run }: { run: DirectoryImport }) {
  const label =
    run.status === 'succeeded'
      ? `${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged`
      : run.status === 'failed'
        ? `Not imported: ${run.errors.length} problem${run.errors.length === 1 ? '' : 's'}`
        : 'Running';
  return (
    <Group gap="xs">
      <Text size="sm" c={run.status === 'failed' ? 'red.9' : undefined}>
        {label}
      </Text>
    </Group>
  );
}
