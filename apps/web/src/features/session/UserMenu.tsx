import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDevices, IconFileCertificate, IconKey, IconLogout } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAgreement } from '../agreement/queries';
import { useSession } from './useSession';
import { useSignOut } from './useSignOut';

export function UserMenu() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const agreement = useAgreement();
  if (!session) return null;
  // The pages opened from here come back to this one when done or cancelled.
  const from = { from: `${pathname}${search}` };
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
          onClick={() => navigate('/change-password', { state: from })}
        >
          Change password
        </Menu.Item>
        {agreement.data?.required && (
          <Menu.Item
            leftSection={<IconFileCertificate size={16} aria-hidden />}
            onClick={() => navigate('/agreement', { state: from })}
          >
            User agreement
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
