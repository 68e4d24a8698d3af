import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import type { SentMail } from '../../lib/types';
import { MailBody } from './MailBody';
import classes from './mail.module.css';
import { useSentMail } from './queries';

function DeliveryBadge({ mail }: { mail: SentMail }) {
  if (mail.error) {
    return (
      <Badge color="red.9" variant="outline">
        Not delivered
      </Badge>
    );
  }
  if (mail.deliveredAt) {
    return (
      <Badge color="teal.8" variant="outline">
        Delivered
      </Badge>
    );
  }
  return (
    <Badge color="gray.8" variant="outline">
      Waiting to send
    </Badge>
  );
}

function MailItem({ mail }: { mail: SentMail }) {
  const [open, setOpen] = useState(false);
  const bodyId = `mail-body-${mail.id}`;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text component="h2" fw={700} size="md" m={0}>
            {mail.subject}
          </Text>
          <Text size="sm">To: {mail.to}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(mail.createdAt)}
          </Text>
        </div>
        <DeliveryBadge mail={mail} />
      </Group>
      {mail.error && (
        <Text size="sm" c="red.9" mt="xs">
          {mail.error}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        px={0}
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        leftSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide email' : 'Show email'}
      </Button>
      {open && <MailBody id={bodyId} body={mail.body} />}
    </Paper>
  );
}

/** The emails Portico sent for this network; without a mail server it is where they can be read. */
export function SentMailPage() {
  const pages = useSentMail();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const smtp = pages.data?.pages[0]?.smtp;

  return (
    <>
      <PageHeader
        title="Sent mail"
        description="Emails Portico sent for this network, newest first."
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={pages.isRefetching}
            onClick={() => void pages.refetch()}
          >
            Refresh
          </Button>
        }
      />
      {smtp === false && (
        <Alert color="blue" variant="light" mb="md">
          No mail server is configured: emails stay here. Open a link to follow it.
        </Alert>
      )}
      <ErrorAlert error={pages.error} title="Could not load sent mail" />
      {pages.isPending && <LoadingBlock label="Loading sent mail" />}
      {pages.isSuccess && items.length === 0 && <EmptyState>No mail sent yet.</EmptyState>}
      <Stack gap="sm" component="ul" className={classes.list}>
        {items.map((m) => (
          <li key={m.id}>
            <MailItem mail={m} />
          </li>
        ))}
      </Stack>
      <LoadMore pages={pages} />
    </>
  );
}
