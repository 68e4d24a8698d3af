import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDevices, IconKey, IconLogout } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from './useSession';
import { useSignOut } from './useSignOut';

export function UserMenu() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (!session) return null;
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button variant="subtle" color="dark" rightSection={<IconChevronDown size={14} aria-hidden />}>
          {session.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {session.user.email}
          </Text>
        </Menu.Label>
        <Menu.Item leftSection={<IconDevices size={16} aria-hidden />} onClick={() => navigate('/sessions')}>
          Sessions
        </Menu.Item>
        <Menu.Item
          leftSection={<IconKey size={16} aria-hidden />}
          // The page comes back here when done or cancelled.
          onClick={() => navigate('/change-password', { state: { from: `${pathname}${search}` } })}
        >
          Change password
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
