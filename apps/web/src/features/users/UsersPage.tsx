import { Anchor, Badge, Button, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { roleLabel } from '@portico/shared';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import type { User } from '../../lib/types';
import { useCan, useNetwork } from '../session/useSession';
import { AddUserModal } from './AddUserModal';
import { useUsers } from './queries';
import { UserActions } from './UserActions';
import { UserStatus } from './UserStatus';
import { ACTION_LABELS, useUserAction } from './useUserAction';

function Memberships({ user }: { user: User }) {
  if (user.memberships.length === 0) return <Text size="sm">None</Text>;
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {user.memberships.map((m) => (
        <List.Item key={m.membershipId}>
          <Text span size="sm" td={m.endsAt ? 'line-through' : undefined}>
            {m.programName} — {m.roles.map(roleLabel).join(', ')}
          </Text>
          {m.endsAt && (
            <Badge size="xs" variant="outline" color="gray.8" ml={6}>
              Ended
            </Badge>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Network administrators: everyone with a membership in the network. */
export function UsersPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const users = useUsers(q);
  const can = useCan();
  const [adding, { open, close }] = useDisclosure(false);
  const action = useUserAction();
  // MT-1, NCC-1: only where the network allows them (a server that does not say: allowed), and
  // not offered before the network is known.
  const network = useNetwork().data;
  const allowTemporaryPassword = network !== undefined && network.allowTemporaryPassword !== false;
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Users"
        description="People with a membership in a program of this network."
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
            Add user
          </Button>
        }
      />
      <TextInput
        label="Search users"
        description="Name or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      <ErrorAlert error={users.error} title="Could not load users" />
      <ErrorAlert
        error={action.error}
        title={
          action.variables
            ? `Could not ${ACTION_LABELS[action.variables.action].toLowerCase()} — ${action.variables.user.name}`
            : undefined
        }
      />
      {users.isPending && <LoadingBlock label="Loading users" />}
      {users.isSuccess && rows.length === 0 && (
        <EmptyState>{q ? `No user matches “${q}”.` : 'No users yet.'}</EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable
          minWidth={880}
          verticalSpacing="sm"
          columns={['Name', 'Email', 'Status', 'Last sign-in', 'Memberships']}
          hiddenColumns={[can('audit:read') && 'Audit log', 'Actions']}
        >
          {rows.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td fw={600}>{u.name}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>
                <UserStatus user={u} />
              </Table.Td>
              <Table.Td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</Table.Td>
              <Table.Td>
                <Memberships user={u} />
              </Table.Td>
              {can('audit:read') && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/audit?actorUserId=${u.id}`}
                    size="sm"
                    aria-label={`Audit log of ${u.name}`}
                  >
                    Audit log
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <UserActions
                  user={u}
                  allowTemporaryPassword={allowTemporaryPassword}
                  busy={action.isPending && action.variables?.user.id === u.id}
                  onAction={(a) => action.mutate({ user: u, action: a })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={users} />
      <AddUserModal opened={adding} onClose={close} />
    </Stack>
  );
}
