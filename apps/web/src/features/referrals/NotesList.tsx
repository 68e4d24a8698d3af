import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../lib/format';
import { contactMethodLabel, outcomeLabel } from './referralText';
import type { ReferralNote } from './types';

/** MT-13: the call log, newest contact first; an internal note is marked as such. */
export function NotesList({ notes }: { notes: ReferralNote[] }) {
  const sorted = [...notes].sort(
    (a, b) => b.happenedOn.localeCompare(a.happenedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Section id="referral-notes" title="Notes">
      {sorted.length === 0 ? (
        <EmptyState>No notes yet.</EmptyState>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {sorted.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function NoteItem({ note: n }: { note: ReferralNote }) {
  const contact = [contactMethodLabel(n.contactMethod), outcomeLabel(n.outcome)].filter(Boolean).join(' · ');
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={600}>
          {formatDate(n.happenedOn)}
          {contact && ` · ${contact}`}
        </Text>
        <Group gap={6}>
          {n.kind === 'progress' && <Badge color="blue.9">Progress</Badge>}
          {!n.shared && (
            <Badge color="gray.7" variant="outline">
              Internal
            </Badge>
          )}
        </Group>
      </Group>
      <Text mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {n.text}
      </Text>
      <Text size="sm" mt={4}>
        {n.author.name}
        {!n.ours && ' (the other program)'} · written {formatDateTime(n.createdAt)}
      </Text>
    </Paper>
  );
}
