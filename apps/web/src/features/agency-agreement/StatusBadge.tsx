import { Badge } from '@mantine/core';
import { AGENCY_AGREEMENT_STATUSES } from '@portico/shared';
import { formatDay } from '../../lib/format';
import type { ProgramAgreement } from './queries';

const COLORS = { unsigned: 'gray', valid: 'teal', due_soon: 'yellow', lapsed: 'red' } as const;

/** MT-4: "Valid until 10 Mar 2027", "Due in 20 days", "Lapsed", "Not signed". */
export function StatusBadge({ program }: { program: ProgramAgreement }) {
  const text =
    program.status === 'valid'
      ? `Valid until ${formatDay(program.validUntil)}`
      : program.status === 'due_soon'
        ? `Due in ${program.daysLeft} day${program.daysLeft === 1 ? '' : 's'}`
        : AGENCY_AGREEMENT_STATUSES[program.status];
  return (
    <Badge color={COLORS[program.status]} variant="light" size="lg" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  );
}
