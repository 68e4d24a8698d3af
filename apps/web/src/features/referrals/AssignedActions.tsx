import { Select, Text, Textarea } from '@mantine/core';
import { SERVICE_STATUSES, type ServiceStatus } from '@portico/shared';
import { IconArrowsExchange, IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldErrorGetter } from '../../components/FormError';
import { ActionForm } from './ActionForm';
import { postStep, useReferralStep } from './queries';
import { serviceStatusLabel, serviceStatusOptions } from './referralText';
import type { ReferralDetail } from './types';

/** MT-12: the assignee hands the referral on within the program, saying why. */
export function ReassignForm({ referral: r }: { referral: ReferralDetail }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ userId?: string; note?: string }>({});
  const choices = r.assignable.filter((p) => p.id !== r.assignee?.id);
  const reassign = useReferralStep<void>(
    r,
    () => postStep(r.id, 'reassign', { userId, note: note.trim() }),
    () => `Referral reassigned to ${choices.find((p) => p.id === userId)?.name ?? 'the provider'}`,
  );
  const err = fieldErrorGetter(reassign.error);
  const submit = () => {
    const found = {
      ...(userId ? {} : { userId: 'Choose who takes the referral.' }),
      ...(note.trim() ? {} : { note: 'Say why it is handed on.' }),
    };
    setProblems(found);
    if (Object.keys(found).length === 0) {
      reassign.mutate(undefined, {
        onSuccess: () => {
          setUserId(null);
          setNote('');
        },
      });
    }
  };
  return (
    <ActionForm
      id="referral-reassign"
      title="Reassign"
      description={<Text size="sm">To another provider of your program; they are told.</Text>}
      step={reassign}
      fields={['userId', 'note']}
      submitLabel="Reassign"
      submitIcon={<IconArrowsExchange size={16} aria-hidden />}
      onSubmit={submit}
      unavailable={choices.length === 0 && 'Nobody else in your program can take this referral.'}
    >
      <Select
        label="Reassign to"
        data={choices.map((p) => ({ value: p.id, label: p.name }))}
        placeholder="Choose a provider"
        required
        searchable
        value={userId}
        onChange={(v) => {
          setUserId(v);
          setProblems(({ userId: _, ...rest }) => rest);
        }}
        error={problems.userId ?? err('userId')}
        maw={400}
      />
      <Textarea
        label="Reassignment note"
        description="Why it is handed on; both programs see it on the timeline."
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setProblems(({ note: _, ...rest }) => rest);
        }}
        error={problems.note ?? err('note')}
      />
    </ActionForm>
  );
}

/** MT-13: the service status, one of the guide's 13; a closing one ends the referral. */
export function StatusForm({ referral: r }: { referral: ReferralDetail }) {
  const [status, setStatus] = useState<string | null>(r.serviceStatus);
  const [missing, setMissing] = useState(false);
  const closing = status ? SERVICE_STATUSES[status as ServiceStatus]?.closes === true : false;
  const update = useReferralStep<string>(
    r,
    (code) => postStep(r.id, 'status', { status: code }),
    (code) => `Service status: ${serviceStatusLabel(code)}`,
  );
  return (
    <ActionForm
      id="referral-status"
      title="Service status"
      description={<Text size="sm">The sending program sees the status, who set it and when.</Text>}
      step={update}
      fields={['status']}
      submitLabel="Update status"
      submitIcon={<IconProgressCheck size={16} aria-hidden />}
      onSubmit={() => (status ? update.mutate(status) : setMissing(true))}
    >
      <Select
        label="Service status"
        data={serviceStatusOptions()}
        placeholder="Choose a status"
        required
        value={status}
        onChange={(v) => {
          setStatus(v);
          setMissing(false);
        }}
        description={closing ? 'This status closes the referral: no further status can be set.' : undefined}
        error={missing ? 'Choose a status.' : fieldErrorGetter(update.error)('status')}
        maw={480}
      />
    </ActionForm>
  );
}
