import { ActionIcon, Anchor, Box, Button, Group, Indicator, Loader, Popover, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorDetail } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Notification } from '../../lib/types';
import classes from './notifications.module.css';
import { useLatestNotifications, useMarkAllRead, useMarkRead } from './useNotifications';

/** Only links inside the portal are followed; anything else stays where it is. */
export function internalLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const { data, isPending, error } = useLatestNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const navigate = useNavigate();
  const unread = data?.unreadCount ?? 0;

  function open(n: Notification) {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    const to = internalLink(n.link);
    if (to) navigate(to);
  }

  return (
    <Indicator label={unread} size={18} disabled={unread === 0} color="red.9" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={`Notifications, ${unread} unread`}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="sm">
          <Group justify="space-between" mb="xs">
            <Text fw={700} component="h2" size="md" m={0}>
              Notifications
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={unread === 0}
              loading={markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              Mark all read
            </Button>
          </Group>
          {isPending && <Loader size="sm" aria-label="Loading notifications" />}
          {error && <Text c="red.9">{errorDetail(error)}</Text>}
          {data && data.items.length === 0 && <Text size="sm">You have no notifications.</Text>}
          <Stack gap={4} component="ul" className={classes.list}>
            {data?.items.map((n) => (
              <li key={n.id}>
                <Box component="button" type="button" className={classes.item} onClick={() => open(n)}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <span className={n.readAt ? classes.readDot : classes.unreadDot} aria-hidden />
                    <div>
                      <Text size="sm" fw={n.readAt ? 400 : 700}>
                        {n.title}
                        {!n.readAt && <span className={classes.visuallyHidden}> (unread)</span>}
                      </Text>
                      {n.body && (
                        <Text size="xs" lineClamp={2}>
                          {n.body}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </div>
                  </Group>
                </Box>
              </li>
            ))}
          </Stack>
          <Anchor
            component={Link}
            to="/notifications"
            size="sm"
            mt="xs"
            display="block"
            onClick={() => setOpened(false)}
          >
            All notifications
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
