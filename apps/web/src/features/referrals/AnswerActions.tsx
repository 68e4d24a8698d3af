import { Select, Text, Textarea } from '@mantine/core';
import type { RefusalReason } from '@portico/shared';
import { IconBan, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { ActionForm } from './ActionForm';
import { postStep, useReferralStep } from './queries';
import { refusalReasonOptions } from './referralText';
import type { ReferralDetail } from './types';

/** MT-12 / ND-3: the gatekeeper accepts and assigns exactly one provider (self allowed). */
export function AssignForm({ referral: r }: { referral: ReferralDetail }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const assign = useReferralStep<string>(
    r,
    (id) => postStep(r.id, 'assign', { userId: id }),
    (id) => `Referral assigned to ${r.assignable.find((p) => p.id === id)?.name ?? 'the provider'}`,
  );
  return (
    <ActionForm
      id="referral-assign"
      title="Accept and assign"
      description={<Text size="sm">The provider and the sending program are told.</Text>}
      step={assign}
      fields={['userId']}
      submitLabel="Assign"
      submitIcon={<IconUserCheck size={16} aria-hidden />}
      onSubmit={() => (userId ? assign.mutate(userId) : setMissing(true))}
      unavailable={
        r.assignable.length === 0 &&
        'Nobody can be assigned: no provider of your program may take this client. Refuse the referral, or ask your administrator.'
      }
    >
      <Select
        label="Provider"
        data={r.assignable.map((p) => ({ value: p.id, label: p.name }))}
        placeholder="Choose a provider"
        required
        searchable
        value={userId}
        onChange={(v) => {
          setUserId(v);
          setMissing(false);
        }}
        error={missing ? 'Choose who takes the referral.' : fieldErrorGetter(assign.error)('userId')}
        maw={400}
      />
    </ActionForm>
  );
}

/** ND-3: refusing needs a reason from the network's list; "Other" needs words. */
export function RefuseForm({ referral: r }: { referral: ReferralDetail }) {
  const [reason, setReason] = useState<RefusalReason | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ reason?: string; text?: string }>({});
  const refuse = useReferralStep<void>(
    r,
    () => postStep(r.id, 'refuse', { reason, text: text.trim() || undefined }),
    'Referral refused — the sending program is told',
  );
  const err = fieldErrorGetter(refuse.error);
  const submit = () => {
    const found = {
      ...(reason ? {} : { reason: 'Choose a reason.' }),
      ...(reason === 'other' && !text.trim() ? { text: 'Say why, when the reason is “Other”.' } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length === 0) refuse.mutate();
  };
  return (
    <ActionForm
      id="referral-refuse"
      title="Refuse"
      description={<Text size="sm">The sending program sees the reason.</Text>}
      step={refuse}
      fields={['reason', 'text']}
      submitLabel="Refuse referral"
      submitIcon={<IconBan size={16} aria-hidden />}
      danger
      onSubmit={submit}
    >
      <Select
        label="Reason"
        data={refusalReasonOptions()}
        placeholder="Choose a reason"
        required
        value={reason}
        onChange={(v) => {
          setReason(v as RefusalReason | null);
          setProblems({});
        }}
        error={problems.reason ?? err('reason')}
        maw={400}
      />
      <Textarea
        label="Details"
        description={reason === 'other' ? 'Required when the reason is “Other”.' : 'Optional.'}
        required={reason === 'other'}
        autosize
        minRows={2}
        maxLength={1000}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setProblems(({ text: _, ...rest }) => rest);
        }}
        error={problems.text ?? err('text')}
      />
    </ActionForm>
  );
}
