import { Badge } from '@mantine/core';
import { CHANGE_REQUEST_STATUSES } from '@portico/shared';
import type { ChangeRequest } from './types';

const STATUS_COLOR: Record<ChangeRequest['status'], string> = {
  pending: 'blue.9',
  accepted: 'teal.8',
  rejected: 'red.9',
  withdrawn: 'gray.7',
};

/** A change request's status in the words of the guides. */
export function StatusBadge({ status }: { status: ChangeRequest['status'] }) {
  return <Badge color={STATUS_COLOR[status]}>{CHANGE_REQUEST_STATUSES[status]}</Badge>;
}
