import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { IntakeAnswers } from '../intake-forms/IntakeAnswers';
import { useSession } from '../session/useSession';
import { AssignForm, RefuseForm } from './AnswerActions';
import { ReassignForm, StatusForm } from './AssignedActions';
import { DraftActions } from './DraftActions';
import { NoteForm } from './NoteForm';
import { NotesList } from './NotesList';
import { useReferral } from './queries';
import { ReferralStateBadge, StaleBadge } from './ReferralBadges';
import { ReferralDetails } from './ReferralDetails';
import { clientName, programText, staleText } from './referralText';
import { TimelineList } from './TimelineList';
import type { ReferralDetail } from './types';

/** MT-11..MT-13, ND-3: one referral, with the steps the acting user may take on it now. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  if (referral.data) return <ReferralView referral={referral.data} />;
  if (referral.error instanceof ApiError && referral.error.status === 404) {
    return (
      <Stack gap="sm">
        <PageHeader title="Referral not found" />
        <Text>No referral your program may see has this address. The link may be mistyped.</Text>
        <Anchor component={Link} to="/referrals">
          Go to the referrals
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader title="Referral" />
      <ErrorAlert error={referral.error} title="Could not load the referral" />
      {referral.isPending && <LoadingBlock label="Loading the referral" />}
    </Stack>
  );
}

function ReferralView({ referral: r }: { referral: ReferralDetail }) {
  const programId = useSession().data?.acting?.programId;
  // A program that refers to itself is both; only a sender that is not the receiver reads the status only.
  const senderOnly = r.fromProgram.id === programId && r.toProgram.id !== programId;
  const name = clientName(r);
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Referral for ${name}`}
        description={
          <>
            <Anchor component={Link} to={`/clients/${r.client.id}`}>
              {name}’s profile
            </Anchor>
            {' · '}From {programText(r.fromProgram)} to {programText(r.toProgram)}
          </>
        }
      />
      <Group gap="sm">
        <ReferralStateBadge state={r.state} size="lg" />
        {r.stale && <StaleBadge />}
      </Group>
      {r.stale && (
        <Alert color="red" title="This referral is stale" icon={<IconClockExclamation aria-hidden />}>
          {staleText(r)}
        </Alert>
      )}
      <ReferralDetails referral={r} senderOnly={senderOnly} />
      {r.state !== 'draft' && (
        <IntakeAnswers formId={r.intakeFormId} answers={r.intake} programName={r.toProgram.name} />
      )}
      {r.state === 'draft' && <DraftActions referral={r} />}
      {r.can.assign && <AssignForm referral={r} />}
      {r.can.refuse && <RefuseForm referral={r} />}
      {r.can.updateStatus && <StatusForm referral={r} />}
      {r.can.reassign && <ReassignForm referral={r} />}
      {r.can.addNote && <NoteForm referral={r} />}
      {r.state !== 'draft' && <NotesList notes={r.notes} />}
      <TimelineList referral={r} />
    </Stack>
  );
}
