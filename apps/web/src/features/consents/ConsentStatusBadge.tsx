import { Badge } from '@mantine/core';
import { CONSENT_STATUSES, type ConsentStatus } from '@portico/shared';

// Dark shades keep white text at 4.5:1; the label always says the status, the colour only repeats it.
const COLORS: Record<ConsentStatus, string> = {
  pending: 'blue.9',
  awaiting_upload: 'violet.9',
  signed: 'teal.8',
  revoked: 'red.9',
  expired: 'gray.7',
};

/** MT-9: a consent's status in words ("Waiting for signature", "Signed"). */
export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  return (
    <Badge color={COLORS[status] ?? 'gray.7'} size="lg">
      {CONSENT_STATUSES[status] ?? status}
    </Badge>
  );
}
