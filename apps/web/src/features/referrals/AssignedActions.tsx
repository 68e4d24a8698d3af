import { Text } from '@mantine/core';
import { SERVICE_STATUSES, type ServiceStatus } from '@portico/shared';
import { IconArrowsExchange, IconProgressCheck } from '@tabler/icons-react';
import { type Choice, ChoiceForm } from './ChoiceForm';
import { postStep, useReferralStep } from './queries';
import { serviceStatusLabel, serviceStatusOptions } from './referralText';
import type { ReferralDetail } from './types';

/** MT-12: the assignee hands the referral on within the program, saying why. */
export function ReassignForm({ referral: r }: { referral: ReferralDetail }) {
  const choices = r.assignable.filter((p) => p.id !== r.assignee?.id);
  const reassign = useReferralStep<Choice>(
    r,
    ({ choice, text }) => postStep(r.id, 'reassign', { userId: choice, note: text }),
    ({ choice }) => `Referral reassigned to ${choices.find((p) => p.id === choice)?.name ?? 'the provider'}`,
  );
  return (
    <ChoiceForm
      id="referral-reassign"
      title="Reassign"
      description={<Text size="sm">To another provider of your program; they are told.</Text>}
      step={reassign}
      resetOnSuccess
      submitLabel="Reassign"
      submitIcon={<IconArrowsExchange size={16} aria-hidden />}
      unavailable={choices.length === 0 && 'Nobody else in your program can take this referral.'}
      select={{
        field: 'userId',
        label: 'Reassign to',
        placeholder: 'Choose a provider',
        options: choices.map((p) => ({ value: p.id, label: p.name })),
        missing: 'Choose who takes the referral.',
        searchable: true,
      }}
      text={{
        field: 'note',
        label: 'Reassignment note',
        maxLength: 1000,
        required: () => true,
        description: () => 'Why it is handed on; both programs see it on the timeline.',
        missing: () => 'Say why it is handed on.',
      }}
    />
  );
}

const closesReferral = (code: string | null) =>
  code ? SERVICE_STATUSES[code as ServiceStatus]?.closes === true : false;

/** MT-13: the service status, one of the guide's 13; a closing one ends the referral. */
export function StatusForm({ referral: r }: { referral: ReferralDetail }) {
  const update = useReferralStep<Choice>(
    r,
    ({ choice }) => postStep(r.id, 'status', { status: choice }),
    ({ choice }) => `Service status: ${serviceStatusLabel(choice)}`,
  );
  return (
    <ChoiceForm
      id="referral-status"
      title="Service status"
      description={<Text size="sm">The sending program sees the status, who set it and when.</Text>}
      step={update}
      submitLabel="Update status"
      submitIcon={<IconProgressCheck size={16} aria-hidden />}
      select={{
        field: 'status',
        label: 'Service status',
        placeholder: 'Choose a status',
        options: serviceStatusOptions(),
        missing: 'Choose a status.',
        initial: r.serviceStatus,
        describe: (code) =>
          closesReferral(code) ? 'This status closes the referral: no further status can be set.' : undefined,
        maw: 480,
      }}
    />
  );
}
