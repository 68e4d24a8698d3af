import { ActionIcon, Badge, Group, Menu, Switch, Table, Text } from '@mantine/core';
import { roleLabel } from '@portico/shared';
import { IconDots, IconPencil, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { formatDate } from '../../lib/format';
import type { Contact } from '../../lib/types';
import { useSession } from '../session/useSession';
import { EditContactModal } from './EditContactModal';
import { EndAccessModal } from './EndAccessModal';
import { useContacts } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The server counts end dates in UTC days, so the date part of endsAt is the day that was chosen. */
const endDate = (endsAt: string | null) => (endsAt ? formatDate(endsAt.slice(0, 10)) : '—');

export function ContactsTable({ programId, canManage }: { programId: string; canManage: boolean }) {
  const [includeEnded, setIncludeEnded] = useState(false);
  const contacts = useContacts(programId, includeEnded);
  const { data: session } = useSession();
  const [editing, setEditing] = useState<Contact | null>(null);
  const [ending, setEnding] = useState<Contact | null>(null);
  const rows = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Switch
        label="Show ended contacts"
        checked={includeEnded}
        onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
        mb="md"
      />
      <ErrorAlert error={contacts.error} title="Could not load contacts" />
      {contacts.isPending && <LoadingBlock label="Loading contacts" />}
      {contacts.isSuccess && rows.length === 0 && (
        <EmptyState>
          {includeEnded ? 'This program has no contacts yet.' : 'This program has no active contacts.'}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable
          minWidth={1000}
          highlightOnHover
          verticalSpacing="sm"
          columns={['Name', 'Email', 'Phone', 'Title', 'Roles', 'Regions', 'Begins', 'Ends', 'Status']}
          hiddenColumns={[canManage && 'Actions']}
        >
          {rows.map((c) => (
            <Table.Tr key={c.membershipId}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                {!c.canSignIn && (
                  <Badge size="xs" variant="outline" color="#8a3300" mt={4}>
                    No password yet
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{c.email}</Table.Td>
              <Table.Td>{c.phone ?? '—'}</Table.Td>
              <Table.Td>{c.title ?? '—'}</Table.Td>
              <Table.Td>{c.roles.map(roleLabel).join(', ')}</Table.Td>
              <Table.Td>{c.regions.length ? c.regions.join(', ') : '—'}</Table.Td>
              <Table.Td style={NOWRAP}>{formatDate(c.beginsOn)}</Table.Td>
              <Table.Td style={NOWRAP}>{endDate(c.endsAt)}</Table.Td>
              <Table.Td style={NOWRAP}>
                {c.active ? (
                  <Badge color="teal.8">Active</Badge>
                ) : (
                  <Badge color="gray.8" variant="outline">
                    Ended
                  </Badge>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group justify="flex-end">
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray.8" aria-label={`Actions for ${c.name}`}>
                          <IconDots size={18} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(c)}>
                          Edit
                        </Menu.Item>
                        {/* The server refuses to end your own membership (you would lock yourself out). */}
                        {c.active && c.userId !== session?.user.id && (
                          <Menu.Item
                            color="red.9"
                            leftSection={<IconUserOff size={16} aria-hidden />}
                            onClick={() => setEnding(c)}
                          >
                            End access
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={contacts} />
      <EditContactModal contact={editing} onClose={() => setEditing(null)} />
      <EndAccessModal contact={ending} onClose={() => setEnding(null)} />
    </>
  );
}
