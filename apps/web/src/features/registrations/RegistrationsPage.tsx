import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorGetter } from '../../components/FormError';
import { LoadingBlock } from '../../components/LoadingBlock';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ReasonField } from '../../components/ReasonField';
import { SaveForm } from '../../components/SaveForm';
import { get, post } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Page } from '../../lib/types';

interface Registration {
  id: string;
  legalName: string;
  taxId: string;
  providerId: string;
  zip: string;
  programName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  status: 'pending' | 'approved' | 'declined';
  reason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

const STATUS = { pending: 'Pending', approved: 'Approved', declined: 'Declined' } as const;
const COLOR = { pending: 'blue.9', approved: 'teal.8', declined: 'red.9' } as const;
const ein = (t: string) => `${t.slice(0, 2)}-${t.slice(2)}`;

/** CS-1: the network team verifies applications, then approves (creating the organization) or declines. */
export function RegistrationsPage() {
  const [status, setStatus] = useState<string>('pending');
  const [acting, setActing] = useState<{ r: Registration; action: 'approve' | 'decline' } | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['registrations', status],
    queryFn: ({ pageParam }) =>
      get<Page<Registration>>('/api/registrations', { status: status || undefined, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Registrations"
        description="Providers that applied to join the network. Check the tax ID, provider ID and ZIP before approving."
      />
      <Group>
        <Select
          label="Status"
          data={[
            { value: '', label: 'Any status' },
            ...Object.entries(STATUS).map(([value, label]) => ({ value, label })),
          ]}
          value={status}
          onChange={(v) => setStatus(v ?? '')}
          allowDeselect={false}
        />
      </Group>
      {list.isPending && <LoadingBlock label="Loading registrations" />}
      <ErrorAlert error={list.error} title="Could not load the registrations" />
      {list.isSuccess && rows.length === 0 && <EmptyState>No registrations with this status.</EmptyState>}
      {rows.length > 0 && (
        <DataTable
          minWidth={820}
          columns={['Received', 'Organization', 'Tax ID · Provider ID · ZIP', 'Contact', 'Status']}
          hiddenColumns={['Actions']}
        >
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.legalName}
                </Text>
                <Text size="sm">{r.programName}</Text>
              </Table.Td>
              <Table.Td>
                {ein(r.taxId)} · {r.providerId} · {r.zip}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.contactName}</Text>
                <Text size="sm">{r.contactEmail}</Text>
                {r.contactPhone && <Text size="sm">{r.contactPhone}</Text>}
              </Table.Td>
              <Table.Td>
                <Badge color={COLOR[r.status]}>{STATUS[r.status]}</Badge>
                {r.reason && <Text size="sm">{r.reason}</Text>}
              </Table.Td>
              <Table.Td>
                {r.status === 'pending' && (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" onClick={() => setActing({ r, action: 'approve' })}>
                      Approve<span className="visually-hidden"> {r.legalName}</span>…
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => setActing({ r, action: 'decline' })}
                    >
                      Decline<span className="visually-hidden"> {r.legalName}</span>…
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore pages={list} />
      <Modal
        opened={acting !== null}
        onClose={() => setActing(null)}
        title={acting?.action === 'approve' ? `Approve ${acting.r.legalName}?` : `Decline ${acting?.r.legalName ?? ''}`}
      >
        {acting && <Decision registration={acting.r} action={acting.action} onClose={() => setActing(null)} />}
      </Modal>
    </Stack>
  );
}

function Decision({
  registration,
  action,
  onClose,
}: {
  registration: Registration;
  action: 'approve' | 'decline';
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () =>
      post(
        `/api/registrations/${registration.id}/${action}`,
        action === 'decline' ? { reason: reason.trim() } : undefined,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      notifications.show({
        color: 'teal',
        message:
          action === 'approve'
            ? `${registration.legalName} is registered; ${registration.contactEmail} was invited`
            : `Declined; ${registration.contactEmail} was emailed the reason`,
      });
      onClose();
    },
  });
  const err = fieldErrorGetter(decide.error);

  return (
    <SaveForm
      save={decide}
      fields={['reason']}
      onCancel={onClose}
      submitLabel={action === 'approve' ? 'Approve and invite' : 'Decline registration'}
      danger={action === 'decline'}
    >
      {action === 'approve' ? (
        <Text>
          This creates the organization {registration.legalName} with the program {registration.programName}, and
          invites {registration.contactName} ({registration.contactEmail}) as its administrator.
        </Text>
      ) : (
        <ReasonField
          description="Emailed to the applicant."
          value={reason}
          onChange={setReason}
          error={err('reason')}
        />
      )}
    </SaveForm>
  );
}
