import { Text } from '@mantine/core';
import { DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { formatDateTime, formatDay } from '../../lib/format';
import { useReferralSettings } from '../network/queries';
import { lastStatusEvent, refusalText, serviceStatusLabel } from './referralText';
import type { ReferralDetail } from './types';

/** MT-12 / MT-13: what the referral says and where it stands; the sender reads the status only. */
export function ReferralDetails({ referral: r, senderOnly }: { referral: ReferralDetail; senderOnly: boolean }) {
  const settings = useReferralSettings();
  const statusEvent = lastStatusEvent(r.timeline);
  const statusBy = statusEvent?.actor?.name;
  const status = r.serviceStatus
    ? `${serviceStatusLabel(r.serviceStatus)} — set${statusBy ? ` by ${statusBy}` : ''} on ${formatDateTime(r.serviceStatusAt ?? statusEvent?.at)}`
    : 'Not set yet';
  const items = [
    { label: 'Reason for referral', value: r.reason ?? 'None given' },
    { label: 'Created by', value: `${r.createdBy.name}, ${formatDay(r.createdAt)}` },
    {
      label: 'Sent',
      value: r.sentAt
        ? `${formatDateTime(r.sentAt)}${r.insuranceConfirmed ? ' — insurance confirmed not a barrier' : ''}`
        : 'Not sent yet',
    },
    {
      label: 'Assigned to',
      value: r.assignee ? `${r.assignee.name}, since ${formatDay(r.assignedAt)}` : 'Not assigned',
    },
    { label: 'Service status', value: status },
    ...(r.state === 'refused'
      ? [{ label: 'Refused because', value: refusalText(r, settings.data?.refusalReasons) }]
      : []),
    ...(r.closedAt ? [{ label: 'Closed', value: formatDateTime(r.closedAt) }] : []),
  ];
  return (
    <Section id="referral-details" title="Details">
      <DetailList items={items} />
      {senderOnly && r.state !== 'draft' && (
        <Text size="sm" mt="md">
          Only the receiving program updates the status.
        </Text>
      )}
    </Section>
  );
}
