import { Alert, Button, Drawer, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CHANGE_REQUEST_KINDS, CONTACT_DETAIL_FIELDS } from '@portico/shared';
import { type FormEvent, useState } from 'react';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError, fieldErrorGetter } from '../../components/FormError';
import { ReasonField } from '../../components/ReasonField';
import { formatDateTime } from '../../lib/format';
import { useCan, useSession } from '../session/useSession';
import { useDecision } from './queries';
import { StatusBadge } from './StatusBadge';
import type { ChangeRequest } from './types';

const LABELS: Record<string, string> = {
  name: 'Name',
  phone: 'Telephone',
  email: 'Email',
  website: 'Website',
  taxId: 'Tax ID',
  addressLine1: 'Address 1',
  addressLine2: 'Address 2',
  addressLine3: 'Address 3',
  postalCode: 'Postal code',
  referralStatus: 'Referral status',
  endsOn: 'Access ends on',
  beginsOn: 'Begins on',
  roles: 'Roles',
  regions: 'Regions',
  counties: 'Counties',
  title: 'Job title',
  ...Object.fromEntries(Object.entries(CONTACT_DETAIL_FIELDS).map(([k, v]) => [`contact.${k}`, v])),
};
const labelOf = (field: string) =>
  LABELS[field] ??
  field
    .replace(/^contact\./, '')
    .replace(/([A-Z])/g, ' $1')
    .replace(/^./, (c) => c.toUpperCase());

/** Nested contact details become contact.forename etc., so each field gets its own row. */
function flatten(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [sub, sv] of Object.entries(v)) out[`${k}.${sub}`] = sv;
    } else out[k] = v;
  }
  return out;
}
const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v);

function Comparison({ request }: { request: ChangeRequest }) {
  const proposed = flatten(request.proposed);
  const current = flatten(request.current);
  const fields = Object.keys(proposed).filter((f) => request.kind !== 'contact_create' || proposed[f] !== null);
  return (
    <Table withTableBorder withColumnBorders>
      <Table.Caption>Current values are those when the request was made.</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Field</Table.Th>
          <Table.Th scope="col">Current</Table.Th>
          <Table.Th scope="col">Proposed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f}>
            <Table.Th scope="row">{labelOf(f)}</Table.Th>
            <Table.Td>{request.kind === 'contact_create' ? '—' : show(current[f])}</Table.Td>
            <Table.Td fw={600}>{show(proposed[f])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Confirm = 'accept' | 'reject' | 'withdraw' | null;

/** One request: current vs proposed side by side, and the actions the user may take on it. */
export function ChangeRequestDrawer({ request, onClose }: { request: ChangeRequest | null; onClose: () => void }) {
  return (
    <Drawer
      opened={request !== null}
      onClose={onClose}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={request ? `${CHANGE_REQUEST_KINDS[request.kind]}: ${request.programName ?? request.organizationName}` : ''}
    >
      {request && <Detail key={request.id} request={request} onClose={onClose} />}
    </Drawer>
  );
}

function Detail({ request, onClose }: { request: ChangeRequest; onClose: () => void }) {
  const can = useCan();
  const me = useSession().data?.user.id;
  const decision = useDecision(request.id);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [reason, setReason] = useState('');
  const pending = request.status === 'pending';
  const team = can('network:manage') && pending;
  const mine = request.requestedBy === me && pending;

  function act(event?: FormEvent) {
    event?.preventDefault();
    if (!confirm) return;
    decision.mutate(
      { action: confirm, ...(confirm === 'reject' ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          const done = {
            accept: 'Accepted: the change now applies',
            reject: 'Rejected; the requester is told why',
            withdraw: 'Request withdrawn',
          };
          notifications.show({ color: 'teal', message: done[confirm] });
          setConfirm(null);
          onClose();
        },
      },
    );
  }
  const err = fieldErrorGetter(decision.error);

  return (
    <Stack gap="md">
      <DetailList
        items={[
          { label: 'Status', value: <StatusBadge status={request.status} /> },
          { label: 'Organisation', value: request.organizationName },
          { label: 'Service', value: request.programName },
          { label: 'Requested by', value: `${request.requestedByName}, ${formatDateTime(request.requestedAt)}` },
          ...(request.decidedAt
            ? [{ label: 'Decided', value: `${request.decidedByName ?? ''}, ${formatDateTime(request.decidedAt)}` }]
            : []),
          ...(request.reason ? [{ label: 'Reason', value: request.reason }] : []),
        ]}
      />
      <Comparison request={request} />
      {confirm === null && <ErrorAlert error={decision.error} title="That did not work" />}
      {(team || mine) && (
        <Group justify="flex-end">
          {mine && (
            <Button variant="default" onClick={() => setConfirm('withdraw')}>
              Withdraw
            </Button>
          )}
          {team && (
            <>
              <Button color="red.9" variant="outline" onClick={() => setConfirm('reject')}>
                Reject…
              </Button>
              <Button onClick={() => setConfirm('accept')}>Accept…</Button>
            </>
          )}
        </Group>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={
          confirm === 'accept'
            ? 'Accept this change?'
            : confirm === 'reject'
              ? 'Reject this change'
              : 'Withdraw this request?'
        }
      >
        <form onSubmit={act} noValidate>
          <Stack gap="md">
            {confirm === 'accept' && <Text>The proposed values replace the current ones at once.</Text>}
            {confirm === 'withdraw' && <Text>The network team will no longer see it as pending.</Text>}
            {confirm === 'reject' && (
              <>
                <FormError error={decision.error} fields={['reason']} />
                <ReasonField
                  description="Sent to the requester by email and in the portal."
                  value={reason}
                  onChange={setReason}
                  error={err('reason')}
                />
              </>
            )}
            {confirm !== 'reject' && decision.error && (
              <Alert color="red" title="That did not work">
                {decision.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={decision.isPending} color={confirm === 'reject' ? 'red.9' : undefined}>
                {confirm === 'accept' ? 'Accept change' : confirm === 'reject' ? 'Reject change' : 'Withdraw request'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
