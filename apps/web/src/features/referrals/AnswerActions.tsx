import { Text } from '@mantine/core';
import { IconBan, IconUserCheck } from '@tabler/icons-react';
import { useReferralSettings } from '../network/queries';
import { type Choice, ChoiceForm } from './ChoiceForm';
import { postStep, useReferralStep } from './queries';
import type { ReferralDetail } from './types';

/** MT-12 / ND-3: the gatekeeper accepts and assigns exactly one provider (self allowed). */
export function AssignForm({ referral: r }: { referral: ReferralDetail }) {
  const nameOf = (id: string) => r.assignable.find((p) => p.id === id)?.name ?? 'the provider';
  const assign = useReferralStep<Choice>(
    r,
    ({ choice }) => postStep(r.id, 'assign', { userId: choice }),
    ({ choice }) => `Referral assigned to ${nameOf(choice)}`,
  );
  return (
    <ChoiceForm
      id="referral-assign"
      title="Accept and assign"
      description={<Text size="sm">The provider and the sending program are told.</Text>}
      step={assign}
      submitLabel="Assign"
      submitIcon={<IconUserCheck size={16} aria-hidden />}
      unavailable={
        r.assignable.length === 0 &&
        'Nobody can be assigned: no provider of your program may take this client. Refuse the referral, or ask your administrator.'
      }
      select={{
        field: 'userId',
        label: 'Provider',
        placeholder: 'Choose a provider',
        options: r.assignable.map((p) => ({ value: p.id, label: p.name })),
        missing: 'Choose who takes the referral.',
        searchable: true,
      }}
    />
  );
}

/** ND-3 / MT-12: refusing needs a reason from the network's list; some reasons need words. */
export function RefuseForm({ referral: r }: { referral: ReferralDetail }) {
  const settings = useReferralSettings();
  const reasons = settings.data?.refusalReasons ?? [];
  const reasonOf = (code: string | null) => reasons.find((x) => x.code === code);
  const refuse = useReferralStep<Choice>(
    r,
    ({ choice, text }) => postStep(r.id, 'refuse', { reason: choice, text: text || undefined }),
    'Referral refused — the sending program is told',
  );
  return (
    <ChoiceForm
      id="referral-refuse"
      title="Refuse"
      description={<Text size="sm">The sending program sees the reason.</Text>}
      step={refuse}
      submitLabel="Refuse referral"
      submitIcon={<IconBan size={16} aria-hidden />}
      danger
      unavailable={
        settings.isPending
          ? 'Loading the network’s refusal reasons…'
          : settings.error
            ? 'The network’s refusal reasons could not be loaded. Reload the page to try again.'
            : undefined
      }
      select={{
        field: 'reason',
        label: 'Reason',
        placeholder: 'Choose a reason',
        options: reasons.map((x) => ({ value: x.code, label: x.label })),
        missing: 'Choose a reason.',
      }}
      text={{
        field: 'text',
        label: 'Details',
        maxLength: 1000,
        required: (code) => reasonOf(code)?.requiresText === true,
        description: (code) =>
          reasonOf(code)?.requiresText ? `Required when the reason is “${reasonOf(code)?.label}”.` : 'Optional.',
        missing: (code) => `Say why, when the reason is “${reasonOf(code)?.label ?? 'this one'}”.`,
      }}
    />
  );
}
