import { Badge, Group, Text } from '@mantine/core';
import type { User } from '../../lib/types';

const STATUS_LABELS: Record<string, string> = { active: 'Active', disabled: 'Disabled', invited: 'Invited' };

/** The account status and what stands in the way of signing in (NCC-1, MT-1). */
export function UserStatus({ user }: { user: User }) {
  // Colours chosen for 4.5:1 contrast (light yellow and orange text are darkened in the theme).
  const badges = [
    user.lockedAt && { label: 'Locked', color: 'red.9', variant: 'filled' },
    user.suspendedAt && { label: 'Suspended', color: 'orange', variant: 'light' },
    user.hasPassword === false && { label: 'No password yet', color: 'gray.8', variant: 'outline' },
    user.mustChangePassword && { label: 'Must change password', color: 'yellow', variant: 'light' },
  ].filter((b): b is { label: string; color: string; variant: string } => Boolean(b));
  return (
    <div>
      <Text size="sm">{STATUS_LABELS[user.status] ?? user.status}</Text>
      {badges.length > 0 && (
        <Group gap={4} mt={4}>
          {badges.map((b) => (
            <Badge key={b.label} size="sm" variant={b.variant} color={b.color}>
              {b.label}
            </Badge>
          ))}
        </Group>
      )}
    </div>
  );
}
