import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import type { Notification } from '../../lib/types';
import { internalLink } from './NotificationBell';
import classes from './notifications.module.css';
import { useMarkAllRead, useMarkRead, useNotificationPages } from './useNotifications';

function NotificationRow({ n, onRead }: { n: Notification; onRead: (id: string) => void }) {
  const to = internalLink(n.link);
  const unread = !n.readAt;
  return (
    <Paper withBorder p="md" bg={unread ? 'teal.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={unread ? 700 : 500}>{n.title}</Text>
            {unread && (
              <Badge size="sm" color="teal.8">
                Unread
              </Badge>
            )}
          </Group>
          {n.body && <Text size="sm">{n.body}</Text>}
          <Text size="xs" c="dimmed" mt={4}>
            {formatDateTime(n.createdAt)}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {to && (
            <Anchor component={Link} to={to} size="sm" onClick={() => unread && onRead(n.id)}>
              Open
            </Anchor>
          )}
          {unread && (
            <Button size="compact-sm" variant="default" onClick={() => onRead(n.id)}>
              Mark read
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

export function NotificationsPage() {
  const pages = useNotificationPages();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title="Notifications"
        description={pages.data ? `${unread} unread` : undefined}
        actions={
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            Mark all read
          </Button>
        }
      />
      <ErrorAlert error={pages.error} title="Could not load notifications" />
      <ErrorAlert error={markRead.error ?? markAllRead.error} title="Could not mark as read" />
      {pages.isPending && <LoadingBlock label="Loading notifications" />}
      {pages.isSuccess && items.length === 0 && <EmptyState>You have no notifications.</EmptyState>}
      <Stack gap="sm" component="ul" className={classes.list}>
        {items.map((n) => (
          <li key={n.id}>
            <NotificationRow n={n} onRead={(id) => markRead.mutate(id)} />
          </li>
        ))}
      </Stack>
      <LoadMore pages={pages} />
    </>
  );
}
