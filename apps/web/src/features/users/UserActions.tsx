import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconMailForward, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../lib/types';
import { ACTION_LABELS, type UserAction } from './useUserAction';

const ICONS: Record<UserAction, typeof IconDots> = {
  unlock: IconLockOpen,
  reactivate: IconUserCheck,
  invitation: IconMailForward,
  'temporary-password': IconKey,
};

/** The actions that make sense for this account now, and that the network allows (temporary passwords). */
export function actionsFor(user: User, allowTemporaryPassword: boolean): UserAction[] {
  return [
    ...(user.lockedAt ? (['unlock'] as const) : []),
    ...(user.suspendedAt ? (['reactivate'] as const) : []),
    ...(user.hasPassword === false ? (['invitation'] as const) : []),
    ...(allowTemporaryPassword ? (['temporary-password'] as const) : []),
  ];
}

/** The row menu of the Users page; a temporary password replaces the current one, so it is confirmed first. */
export function UserActions({
  user,
  allowTemporaryPassword,
  busy,
  onAction,
}: {
  user: User;
  allowTemporaryPassword: boolean;
  busy: boolean;
  onAction: (action: UserAction) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const actions = actionsFor(user, allowTemporaryPassword);
  // Nothing to offer (a network without temporary passwords, an account that needs no help).
  if (actions.length === 0) return null;
  return (
    <>
      <Menu position="bottom-end" width={240}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={`Actions for ${user.name}`} loading={busy}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {actions.map((action) => {
            const Icon = ICONS[action];
            return (
              <Menu.Item
                key={action}
                leftSection={<Icon size={16} aria-hidden />}
                onClick={() => (action === 'temporary-password' ? setConfirming(true) : onAction(action))}
              >
                {ACTION_LABELS[action]}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Send a temporary password?">
        <Stack gap="md">
          <Text>
            Portico emails {user.email} a temporary password. Their current password stops working, and {user.name} must
            choose their own password the first time they sign in with the temporary one.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                onAction('temporary-password');
              }}
            >
              Send temporary password
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
